import * as z from 'zod'
import type { FolderRef } from './folders'
import { actorSchema, type Actor } from './review/actor'

export const themeSchema = z.enum(['system', 'light', 'dark'])
export type Theme = z.infer<typeof themeSchema>

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean()
})
export type WindowBounds = z.infer<typeof boundsSchema>

/** The automatic sync choices offered: off, or every few minutes. */
export const syncIntervals = [0, 5, 15, 30] as const
const syncIntervalSchema = z.union(syncIntervals.map((minutes) => z.literal(minutes)))

export const settingsSchema = z.object({
  theme: themeSchema,
  window: boundsSchema.nullable(),
  /** Most recent first. */
  recentLibraries: z.array(z.string()).max(10),
  lastLibrary: z.string().nullable(),
  /** Site folders exported into, most recent first: the ones the renderer may name again without a dialog. */
  recentSiteFolders: z.array(z.string()).max(10),
  /** The local profile (name and role) stamped on every review action; null until the first run asks. */
  profile: actorSchema.nullable(),
  /** Minutes between automatic syncs of a shared library; 0 syncs only when asked. */
  syncEveryMinutes: syncIntervalSchema
})
export type Settings = z.infer<typeof settingsSchema>

export const defaultSettings: Settings = {
  theme: 'system',
  window: null,
  recentLibraries: [],
  lastLibrary: null,
  recentSiteFolders: [],
  profile: null,
  syncEveryMinutes: 0
}

/** What the renderer may change; window bounds and libraries are main's business. */
export const settingsPatchSchema = z.strictObject({
  theme: themeSchema.optional(),
  profile: actorSchema.nullable().optional(),
  syncEveryMinutes: syncIntervalSchema.optional()
})
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

/** What the renderer sees of the settings: no paths to send back, a handle for each recent library. */
export interface SettingsView {
  theme: Theme
  profile: Actor | null
  syncEveryMinutes: Settings['syncEveryMinutes']
  /** Most recent first, the open one included. */
  recentLibraries: FolderRef[]
}
