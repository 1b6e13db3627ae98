import { fail, UserError, type IpcResult } from '../../shared/ipc/result'

/** Control characters (a NUL in a path) would garble the sentence that quotes a name. */
const shown = (path: string): string => `“${path.replace(/\p{Cc}/gu, '�').slice(0, 300)}”`

const systemErrors: Record<string, (where: string) => string> = {
  EACCES: (where) => `Copydesk is not allowed to change ${where}. Choose a folder you can write to.`,
  EPERM: (where) => `Copydesk is not allowed to change ${where}. Choose a folder you can write to.`,
  EROFS: (where) => `${where} is on a disk that cannot be written to. Choose another folder.`,
  ENOENT: (where) => `${where} does not exist (any more). Choose another folder or file.`,
  ENOTDIR: (where) => `Part of ${where} is a file where a folder was expected. Choose another folder.`,
  EISDIR: (where) => `${where} is a folder where a file was expected.`,
  EEXIST: (where) => `${where} is already there and was left alone.`,
  ENOTEMPTY: (where) => `${where} is not empty and was left alone.`,
  ENAMETOOLONG: (where) => `The name ${where} is too long for this disk.`,
  ELOOP: (where) => `${where} is a link that leads back to itself.`,
  ENOSPC: () => 'The disk is full. Free some space and try again.',
  EDQUOT: () => 'Your disk quota is used up. Free some space and try again.',
  EMFILE: () => 'Too many files are open at once. Try again in a moment.',
  EBUSY: (where) => `${where} is in use by another program. Try again in a moment.`,
  EIO: (where) => `The disk could not read or write ${where}. Check the drive and try again.`
}

/** An error from the file system (EACCES, ENOSPC…) as one sentence naming the path, or null for any other error. */
export function fileSystemSentence(error: unknown): string | null {
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown }
  const describe = typeof code === 'string' ? systemErrors[code] : undefined
  if (!describe) return null
  const message = describe(typeof path === 'string' ? shown(path) : 'a file or folder')
  return message.charAt(0).toUpperCase() + message.slice(1)
}

/**
 * Any failure of a handler as the answer the renderer shows: a UserError as
 * it was written; an error from the file system in plain words naming the
 * path; anything else as an unexpected problem, with the details left in the
 * log, never as raw internal text (stack overflows, Node error codes, zod JSON).
 */
export function plainFailure(error: unknown): IpcResult<never> {
  if (error instanceof UserError) return fail(error.code, error.message, error.details)
  const code = (error as { code?: unknown } | null)?.code
  const sentence = fileSystemSentence(error)
  if (sentence) return fail('io-error', sentence)
  // Node refuses a path holding a NUL, or something that is not a path at all.
  if (code === 'ERR_INVALID_ARG_VALUE' || code === 'ERR_INVALID_ARG_TYPE') {
    return fail('invalid-input', 'A file or folder name in the request holds characters no name can have, so nothing was changed.')
  }
  if (error instanceof RangeError) {
    return fail('invalid-input', 'The request is too large or nested too deeply for Copydesk to handle, so nothing was changed.')
  }
  return fail('internal', 'Something went wrong inside Copydesk, so this was not done. The details were written to its log.')
}
