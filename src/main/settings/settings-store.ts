import { rename } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import { defaultSettings, settingsSchema, type Settings } from '../../shared/settings'

export interface SettingsStore {
  /** The settings as last written to disk. */
  get(): Settings
  update(patch: Partial<Settings>): Promise<Settings>
  /** Called after every successful update, whoever made it. */
  subscribe(listener: (settings: Settings) => void): () => void
  /** Set when the file on disk could not be read and was moved aside. */
  readonly recoveredFrom: string | null
}

/**
 * Settings live in one small JSON file written atomically by lowdb. A file
 * that is corrupt or from a future version is moved aside (never deleted) and
 * defaults are used, so the app always starts.
 */
export async function openSettingsStore(dir: string): Promise<SettingsStore> {
  const file = join(dir, 'settings.json')
  const db = new Low<Settings>(new JSONFile<Settings>(file), structuredClone(defaultSettings))
  let recoveredFrom: string | null = null
  try {
    await db.read()
    db.data = settingsSchema.parse({ ...defaultSettings, ...db.data })
  } catch {
    recoveredFrom = `${file}.unreadable-${Date.now()}`
    await rename(file, recoveredFrom).catch(() => undefined)
    db.data = structuredClone(defaultSettings)
  }
  // Readers only ever see what reached the disk.
  let committed = db.data
  const listeners = new Set<(settings: Settings) => void>()

  return {
    recoveredFrom,
    get: () => structuredClone(committed),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async update(patch) {
      const next = settingsSchema.parse({ ...committed, ...patch })
      db.data = next
      await db.write()
      committed = next
      for (const listener of listeners) listener(structuredClone(next))
      return structuredClone(next)
    }
  }
}
