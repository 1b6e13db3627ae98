/** Numbers in [0, 1) that repeat for the same seed (a linear congruential generator): bench data and its maths come out the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}
