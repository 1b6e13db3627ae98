/**
 * The export core: pure functions from article JSON to HTML and to Markdown
 * for a site profile, and the profiles' layouts and site kits. No Electron,
 * DOM or file access, so main, the CLI and the renderer's preview all run it.
 */
export { exportHtml, type HtmlOptions } from './export-html'
export { exportMarkdown } from './export-markdown'
export { profiles, type SiteProfile } from './profiles'
export { profileNames } from './types'
export type { ExportContext, ExportResult, ExportWarning, ExportWarningKind, KitFile, LayoutOptions, MediaFile, ProfileName } from './types'
