import { readFile } from 'node:fs/promises'
import { UserError } from '../../shared/ipc/result'
import { sha256, type Manifest } from './manifest'
import { fileAction } from './file-action'
import { readRegularFile } from './regular-file'
import { byPath, siteFile, type PlannedFile, type StaleFile, type Wanted } from './plan'
import type { SiteFolder } from './safe-path'

/**
 * How a file the export wants compares with what the site folder holds and
 * what Copydesk wrote there last, with the bytes it should have (media: read
 * from the library).
 */
export async function compareWithSite(site: SiteFolder, file: Wanted, previous: Manifest | null): Promise<{ planned: PlannedFile; bytes: Buffer }> {
  const { target, exists } = await site.inspect(file.path)
  const bytes = file.content ?? (await readFile(file.source!))
  const existing = exists ? await readRegularFile(target, file.path) : null
  const action = fileAction(existing, bytes, previous?.files[file.path]?.sha256)
  const planned: PlannedFile = Object.assign(siteFile(file), { action, target, sha256: sha256(bytes) })
  if (file.source) planned.source = file.source
  return { planned, bytes }
}

/** Files the last export wrote that this one no longer would: articles unpublished, renamed or deleted, and their media. */
export async function staleFiles(site: SiteFolder, previous: Manifest | null, wanted: Map<string, Wanted>, notices: string[]): Promise<StaleFile[]> {
  const stale: StaleFile[] = []
  for (const [path, entry] of Object.entries(previous?.files ?? {})) {
    if (entry.kind === 'kit' || wanted.has(path)) continue
    // A hand-edited manifest must not be able to point removal outside the site.
    const target = await site.resolve(path).catch((error: unknown) => error as Error)
    if (target instanceof Error) {
      notices.push(
        target instanceof UserError && target.code === 'conflict'
          ? `The last export wrote “${path}”, which this one no longer would, but something else is there now; it was left alone.`
          : `The export record lists “${path}”, which is not a safe path inside the site folder; it was ignored.`
      )
      continue
    }
    const existing = await readRegularFile(target, path)
    if (!existing) continue
    const action = sha256(existing) === entry.sha256 ? 'remove' : 'conflict'
    stale.push({ ...siteFile({ path, ...entry }), action, target })
  }
  return stale.sort(byPath)
}
