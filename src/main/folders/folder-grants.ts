import { isAbsolute } from 'node:path'
import type { FolderHandle, FolderRef } from '../../shared/folders'
import { newId } from '../../shared/ids'
import { UserError } from '../../shared/ipc/result'

/** What a folder was granted for: a library folder is not a site folder, nor the other way round. */
export type FolderKind = 'library' | 'site'

const kindWords: Record<FolderKind, string> = { library: 'library', site: 'site folder' }

/**
 * Main's table of the folders the renderer may name, by handle. Only main
 * grants: with a path from a native dialog or from the settings' recent lists.
 * Handles are random and live as long as the process, so one guessed or kept
 * from another run opens nothing.
 */
export class FolderGrants {
  readonly #byHandle = new Map<FolderHandle, { kind: FolderKind; path: string }>()
  readonly #byPath = new Map<string, FolderHandle>()

  /** The handle for `path` (the same one each time it is granted again). `path` must be absolute. */
  grant(kind: FolderKind, path: string): FolderRef {
    if (!isAbsolute(path)) throw new Error(`Only absolute folders can be granted, not “${path}”`)
    const key = `${kind}\0${path}`
    let handle = this.#byPath.get(key)
    if (!handle) {
      handle = newId()
      this.#byPath.set(key, handle)
      this.#byHandle.set(handle, { kind, path })
    }
    return { handle, path }
  }

  /** The folder behind `handle`; a plain error (and nothing done) if main never granted it for this use. */
  resolve(kind: FolderKind, handle: FolderHandle): string {
    const granted = this.#byHandle.get(handle)
    if (!granted || granted.kind !== kind) {
      throw new UserError('not-found', `Copydesk does not know that ${kindWords[kind]}. Choose it again with “Open…” or “Choose…”; nothing was changed.`)
    }
    return granted.path
  }
}
