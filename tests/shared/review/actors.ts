import type { Actor } from '../../../src/shared/review/actor'

/** The two people of the review tests: the fixture's author and her editor. */
export const writer: Actor = { name: 'Hajra Naz', role: 'writer' }
export const editor: Actor = { name: 'Sam Ortiz', role: 'editor' }
