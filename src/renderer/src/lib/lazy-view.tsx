import { useEffect, useState, type ComponentType, type ReactNode } from 'react'

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
 *
 * Not React.lazy: behind Suspense, React renders a view that is still
 * loading in a hidden tree first, and Tiptap destroys an editor that was
 * rendered but not mounted, so the article opened on a dead editor. The view
 * mounts once, when its code is there.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = null): LazyView<P> {
  let loaded: ComponentType<P> | null = null
  let loading: Promise<ComponentType<P>> | null = null
  const preload = (): Promise<ComponentType<P>> =>
    (loading ??= load().then((component) => {
      loaded = component
      return component
    }))
  const View = (props: P): React.JSX.Element => {
    const [state, setState] = useState<{ view: ComponentType<P> | null; error?: unknown }>(() => ({ view: loaded }))
    useEffect(() => {
      if (state.view || state.error) return
      let live = true
      preload().then(
        (view) => live && setState({ view }),
        (error: unknown) => live && setState({ view: null, error })
      )
      return () => {
        live = false
      }
    }, [state])
    if (state.error) throw state.error
    return state.view ? <state.view {...props} /> : <>{fallback}</>
  }
  return Object.assign(View, { preload })
}
