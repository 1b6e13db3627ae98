import { execFile } from 'node:child_process'
import { mkdir, symlink } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { promisify } from 'node:util'
import type { ExportContext } from '../../../../src/shared/export'
import { siteBuildTimeoutMs, writeExportedSite, type SiteArticle } from './exported-site'

const repoRoot = resolve(import.meta.dirname, '../../../..')

/**
 * The smallest Astro site a template would give: the MDX integration, the
 * blog collection of Astro's blog template (create-astro --template blog,
 * Astro 5) read by the glob loader and checked with that template's schema,
 * and a page per entry that renders its content inside `<article>` and names
 * its hero image as the template's layout would show it. Highlighting and
 * smartypants are off so the built pages can be compared with Copydesk's own
 * HTML export; those are the site's choices, not the export's.
 */
const siteFiles: Record<string, string> = {
  'astro.config.mjs': [
    "import mdx from '@astrojs/mdx'",
    "import { defineConfig } from 'astro/config'",
    '',
    "export default defineConfig({ site: 'https://example.org', integrations: [mdx()], markdown: { syntaxHighlight: false, smartypants: false } })",
    ''
  ].join('\n'),
  'src/content.config.ts': [
    "import { defineCollection, z } from 'astro:content'",
    "import { glob } from 'astro/loaders'",
    '',
    'const blog = defineCollection({',
    "  loader: glob({ base: './src/content/blog', pattern: '**/*.{md,mdx}' }),",
    '  schema: ({ image }) =>',
    '    z.object({',
    '      title: z.string(),',
    '      description: z.string(),',
    '      pubDate: z.coerce.date(),',
    '      updatedDate: z.coerce.date().optional(),',
    '      heroImage: image().optional()',
    '    })',
    '})',
    '',
    'export const collections = { blog }',
    ''
  ].join('\n'),
  'src/pages/blog/[...slug].astro': [
    '---',
    "import { getImage } from 'astro:assets'",
    "import { getCollection, render } from 'astro:content'",
    '',
    'export async function getStaticPaths() {',
    "  const posts = await getCollection('blog')",
    '  return posts.map((post) => ({ params: { slug: post.id }, props: post }))',
    '}',
    'const post = Astro.props',
    'const { Content } = await render(post)',
    'const hero = post.data.heroImage && (await getImage({ src: post.data.heroImage }))',
    '---',
    '',
    '<html lang="en"><head><title>{post.data.title}</title>{hero && <meta property="og:image" content={hero.src} />}</head><body><article><Content /></article></body></html>',
    ''
  ].join('\n')
}

/**
 * The site finds Astro, its MDX integration and sharp (Astro's image
 * service, which the blog template installs) through links to Copydesk's
 * own install, in a node_modules folder of its own so Astro's caches
 * (`node_modules/.astro`, `node_modules/.vite`) stay inside the temp site.
 */
async function linkPackages(root: string): Promise<void> {
  for (const name of ['astro', '@astrojs/mdx', 'sharp']) {
    await mkdir(dirname(join(root, 'node_modules', name)), { recursive: true })
    await symlink(join(repoRoot, 'node_modules', name), join(root, 'node_modules', name), 'dir')
  }
}

/** Writes the articles with the astro profile, their media and the site kit, then runs Astro's build. */
export async function buildAstroSite(root: string, articles: SiteArticle[], ctx: ExportContext): Promise<void> {
  await linkPackages(root)
  await writeExportedSite(root, 'astro', siteFiles, articles, ctx)
  // Run from the site as its owner would: Astro stages its server build in the working directory.
  await promisify(execFile)(join(repoRoot, 'node_modules/.bin/astro'), ['build', '--root', root, '--silent'], {
    cwd: root,
    timeout: siteBuildTimeoutMs,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }
  })
}
