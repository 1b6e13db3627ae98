/** Pushes every item. `target.push(...items)` overflows the call stack once items run to about a hundred thousand. */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item)
  return target
}
