import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react'

export interface LazyView<P extends object> {
  (props: P): React.JSX.Element
  /** Starts loading the view's code now, so that it draws at once when first shown. */
  preload: () => Promise<unknown>
}

/**
 * A view whose code the window loads when it is first drawn (or preloaded),
 * so its chunk stays out of the one the window parses before it shows the
 * library. `fallback` shows while it loads, from a local file a moment; an
 * import that fails reaches the nearest error boundary.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = null): LazyView<P> {
  let loaded: ComponentType<P> | null = null
  let loading: Promise<ComponentType<P>> | null = null
  const preload = (): Promise<ComponentType<P>> =>
    (loading ??= load().then((component) => {
      loaded = component
      return component
    }))
  const Lazy = lazy(async () => ({ default: await preload() }))
  const View = (props: P): React.JSX.Element => {
    // Once loaded, a view draws without passing through its fallback. Chosen once per mount:
    // a view that began behind Suspense stays there, for switching would mount it afresh.
    const [Ready] = useState(() => loaded)
    if (Ready) return <Ready {...props} />
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    )
  }
  return Object.assign(View, { preload })
}
