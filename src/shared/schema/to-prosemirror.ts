import { Node as PMNode } from '@tiptap/pm/model'
import type { BodyDoc } from '../article/body'
import { UserError } from '../ipc/result'
import { articleSchema } from './extensions'

// Kept apart from article/body.ts so that code needing only the body's shape
// (the IPC contract, and so the preload) does not pull in ProseMirror's view.
/** Parses the body against the article schema: unknown nodes, marks or misplaced blocks are refused. */
export function toProseMirror(body: BodyDoc): PMNode {
  try {
    const node = PMNode.fromJSON(articleSchema, body)
    node.check()
    return node
  } catch (error) {
    // ProseMirror's wording ("Invalid content for node doc: <>") is for developers: it goes in the details.
    throw new UserError(
      'invalid-input',
      'The article body is not valid: a part of it is missing, unknown, or in a place the article format does not allow, so it was not taken.',
      [(error as Error).message]
    )
  }
}
