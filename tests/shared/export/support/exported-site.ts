import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Article } from '../../../../src/shared/article/article'
import { exportMarkdown, profiles, type ExportContext, type LayoutOptions, type ProfileName } from '../../../../src/shared/export'

export type SiteArticle = { article: Article; layout?: LayoutOptions }

/**
 * How long a generator's build may take before it is stopped: Astro's takes seconds on a quiet laptop but
 * passed a minute with the cores busy elsewhere. `setupTimeoutMs` is for the hook that writes and builds a site.
 */
export const siteBuildTimeoutMs = 240_000
export const setupTimeoutMs = siteBuildTimeoutMs + 60_000

/** Every media file's bytes: a real 1×1 PNG, since a generator may read images (Astro's image() measures them). */
export const mediaBytes = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')

async function write(root: string, path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true })
  await writeFile(join(root, path), content)
}

/** A site ready for its generator: the site's own files, the profile's kit, the articles as exported, and their media. */
export async function writeExportedSite(root: string, profile: ProfileName, siteFiles: Record<string, string>, articles: SiteArticle[], ctx: ExportContext): Promise<void> {
  for (const [path, content] of Object.entries(siteFiles)) await write(root, path, content)
  for (const file of profiles[profile].siteKit()) await write(root, file.path, file.content)
  for (const { article, layout } of articles) {
    const result = exportMarkdown(article, ctx, profile, layout)
    await write(root, profiles[profile].articlePath(article, layout), result.content)
    for (const media of result.media) await write(root, media.path, mediaBytes)
  }
}
