import { rename } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import { defaultSettings, settingsSchema, type Settings } from '../../shared/settings'

export interface SettingsStore {
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
    const parsed = settingsSchema.safeParse({ ...defaultSettings, ...db.data })
    if (!parsed.success) throw new Error('settings do not match the expected shape')
    db.data = parsed.data
  } catch {
    recoveredFrom = `${file}.unreadable-${Date.now()}`
    await rename(file, recoveredFrom).catch(() => undefined)
    db.data = structuredClone(defaultSettings)
  }

  const listeners = new Set<(settings: Settings) => void>()
  return {
    recoveredFrom,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    get: () => structuredClone(db.data),
    async update(patch) {
      const next = settingsSchema.parse({ ...db.data, ...patch })
      db.data = next
      await db.write()
      for (const listener of listeners) listener(structuredClone(next))
      return structuredClone(next)
    }
  }
}
