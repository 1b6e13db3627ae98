import type { SettingsStore } from './settings-store'

const mostRecentFirst = (list: string[], dir: string): string[] => [dir, ...list.filter((d) => d !== dir)].slice(0, 10)

/** Makes `dir` the last library and first of the recent ones, so the next start opens it. */
export async function rememberLibrary(settings: SettingsStore, dir: string): Promise<void> {
  const { recentLibraries } = settings.get()
  await settings.update({ lastLibrary: dir, recentLibraries: mostRecentFirst(recentLibraries, dir) })
}

/** Puts `dir` first among the recent site folders, the ones the renderer may name again by handle. */
export async function rememberSiteFolder(settings: SettingsStore, dir: string): Promise<void> {
  const { recentSiteFolders } = settings.get()
  if (recentSiteFolders[0] === dir) return
  await settings.update({ recentSiteFolders: mostRecentFirst(recentSiteFolders, dir) })
}
