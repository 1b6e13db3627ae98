import type { Page } from 'playwright-core'
import { keepPageToItself } from './harness'

/** One React commit in the renderer: the components it drew, and the status bar's word count right after it. */
export interface Commit {
  drew: string[]
  wordCount: string | null
  /** How many animation frames the page had begun before this commit: commits with the same count reached the screen in one frame. */
  frame: number
}

/**
 * Records every React commit of the page from its next load, through the hook
 * React offers developer tools. A component drew in a commit when its props
 * or its state are new objects; one that React skipped keeps both. Names are
 * the components' own (the renderer is built unminified).
 */
export async function recordCommits(page: Page): Promise<{ commits: () => Promise<Commit[]> }> {
  keepPageToItself(page)
  await page.addInitScript(() => {
    const w = window as unknown as { __commits: Commit[]; __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }
    w.__commits = []
    let frames = 0
    const countFrame = (): void => {
      frames++
      requestAnimationFrame(countFrame)
    }
    requestAnimationFrame(countFrame)
    type Fiber = { type: unknown; memoizedProps: unknown; memoizedState: unknown; alternate: Fiber | null; child: Fiber | null; sibling: Fiber | null }
    type Component = ((...args: never[]) => unknown) & { displayName?: string }
    // Components only: a memo wrapper gets new props even when it skips its component, which is the fiber below it.
    const nameOf = (type: unknown): string | undefined => {
      const component = typeof type === 'function' ? type : (type as { render?: unknown } | null)?.render
      return typeof component === 'function' ? (component as Component).displayName || component.name : undefined
    }
    const seen = new WeakMap<Fiber, { props: unknown; state: unknown }>()
    const drawn = (fiber: Fiber | null, into: Set<string>): void => {
      for (let f = fiber; f; f = f.sibling) {
        // A fiber React clones for the first time is a new object beside the one it was: compare with that one.
        const before = seen.get(f) ?? (f.alternate ? seen.get(f.alternate) : undefined)
        const name = nameOf(f.type)
        if (name && (!before || before.props !== f.memoizedProps || before.state !== f.memoizedState)) into.add(name)
        // Under both of its fibers: React swaps them, and the one that was current two commits ago holds older props.
        const now = { props: f.memoizedProps, state: f.memoizedState }
        seen.set(f, now)
        if (f.alternate) seen.set(f.alternate, now)
        drawn(f.child, into)
      }
    }
    w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      renderers: new Map(),
      inject: () => 1,
      checkDCE: () => undefined,
      onScheduleFiberRoot: () => undefined,
      onPostCommitFiberRoot: () => undefined,
      onCommitFiberUnmount: () => undefined,
      onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
        const drew = new Set<string>()
        drawn(root.current.child, drew)
        w.__commits.push({ drew: [...drew], wordCount: document.querySelector('[data-testid="word-count"]')?.textContent ?? null, frame: frames })
      }
    }
  })
  await page.reload()
  return { commits: () => page.evaluate(() => (window as unknown as { __commits: Commit[] }).__commits) }
}
