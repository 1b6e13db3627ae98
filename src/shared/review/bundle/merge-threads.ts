import type { CommentMessage, CommentThread } from '../comment-thread-schema'
import { shorten, type MergeConflict } from './merge-conflict'

export interface ThreadMerge {
  threads: CommentThread[]
  conflicts: MergeConflict[]
}

/**
 * Merges comment threads by id: threads and replies only one side has are
 * kept, a resolve or reopen takes the newer of the two, and a message whose
 * wording was changed on both sides keeps this copy's and is reported.
 */
export function mergeThreads(local: readonly CommentThread[], incoming: readonly CommentThread[]): ThreadMerge {
  const conflicts: MergeConflict[] = []
  const byId = new Map(local.map((thread) => [thread.id, thread]))
  for (const theirs of incoming) {
    const ours = byId.get(theirs.id)
    byId.set(theirs.id, ours ? mergeThread(ours, theirs, conflicts) : theirs)
  }
  return { threads: [...byId.values()], conflicts }
}

function mergeThread(ours: CommentThread, theirs: CommentThread, conflicts: MergeConflict[]): CommentThread {
  const messages = new Map(ours.messages.map((m) => [m.id, m]))
  for (const message of theirs.messages) {
    const mine = messages.get(message.id)
    messages.set(message.id, mine ? mergeMessage(ours.id, mine, message, conflicts) : message)
  }
  const ordered = [...messages.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
  return { ...ours, messages: ordered, resolution: newerResolution(ours.resolution, theirs.resolution) }
}

function mergeMessage(threadId: string, mine: CommentMessage, theirs: CommentMessage, conflicts: MergeConflict[]): CommentMessage {
  if (mine.text === theirs.text) return mine
  if (!theirs.editedAt) return mine
  if (!mine.editedAt) return theirs
  conflicts.push({
    kind: 'comment-edited-both',
    threadId,
    messageId: mine.id,
    message: `${mine.author.name}’s comment was changed both here and in the bundle; the wording here is kept. The bundle’s wording: “${shorten(theirs.text)}”.`
  })
  return mine
}

const newerResolution = (ours: CommentThread['resolution'], theirs: CommentThread['resolution']): CommentThread['resolution'] =>
  !theirs || (ours && ours.at >= theirs.at) ? ours : theirs
