import * as z from 'zod'

/**
 * The renderer never names a folder by its path: main hands it an opaque
 * handle for each folder the user picked in a native dialog or that settings
 * already remember, and every channel that touches a folder takes the handle.
 * A compromised renderer can then only reach folders the user chose.
 */
export const folderHandleSchema = z.string().regex(/^[0-9a-f]{32}$/, 'Expected a folder handle from Copydesk, not a path')
export type FolderHandle = z.infer<typeof folderHandleSchema>

/** A folder the renderer may use: the handle to send back, the path only to show. */
export interface FolderRef {
  handle: FolderHandle
  path: string
}
