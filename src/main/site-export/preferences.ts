import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import * as z from 'zod'
import { statusSchema } from '../../shared/article/article'
import { profileNameSchema, type SiteExportPreferences } from '../../shared/export-api'

/**
 * Kept in the library folder, so the site and profile follow the library to
 * another machine and the CLI can start from the same choice as the app.
 */
const PREFERENCES_FILE = 'site-export.json'

const preferencesSchema = z.object({
  siteDir: z.string().min(1),
  profile: profileNameSchema,
  statuses: z.array(statusSchema).min(1),
  section: z.string().optional(),
  bundle: z.boolean(),
  siteKit: z.boolean()
})

/** The last site export's choices for this library, or null (also when the file is unreadable: it is only a convenience). */
export async function readSiteExportPreferences(libraryDir: string): Promise<SiteExportPreferences | null> {
  try {
    return preferencesSchema.parse(JSON.parse(await readFile(join(libraryDir, PREFERENCES_FILE), 'utf8')))
  } catch {
    return null
  }
}

export async function rememberSiteExport(libraryDir: string, preferences: SiteExportPreferences): Promise<void> {
  const file = join(libraryDir, PREFERENCES_FILE)
  const text = `${JSON.stringify(preferences, null, 2)}\n`
  // Unchanged choices are not rewritten: a re-export that changes nothing writes nothing, here too.
  if ((await readFile(file, 'utf8').catch(() => null)) === text) return
  await writeFileAtomic(file, text, { fsync: false })
}
