import { lstatSync, realpathSync, statSync } from 'node:fs'
import { lstat, realpath } from 'node:fs/promises'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { UserError } from '../../shared/ipc/result'
import { inTheWay, notAFile } from './regular-file'

/**
 * Names Windows refuses whatever the extension ("aux.md" is AUX), including
 * the superscript-digit COM/LPT ports; a site repo cloned there would break.
 */
const windowsReserved = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i
// Characters Windows forbids in names; also refused so exports stay portable.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const forbiddenChars = /[<>:"|?*\\\u0000-\u001f]/

/**
 * Why a relative site path such as "content/posts/x.md" cannot be used, or
 * null when it is fine. Checked before touching the disk, so a hostile slug
 * or image name is refused whatever the platform.
 */
export function unsafePathReason(rel: string): string | null {
  if (rel === '') return 'the path is empty'
  if (rel.includes('\0')) return 'the path contains a NUL character'
  if (isAbsolute(rel) || /^[A-Za-z]:/.test(rel) || rel.startsWith('/') || rel.startsWith('\\')) return 'the path is absolute'
  for (const segment of rel.split('/')) {
    if (segment === '') return 'the path has an empty folder name'
    if (segment === '.' || segment === '..') return 'the path climbs out with “..”'
    if (forbiddenChars.test(segment)) return `“${printable(segment)}” contains a character file systems refuse`
    if (windowsReserved.test(segment)) return `“${segment}” is a name Windows reserves`
    if (/[. ]$/.test(segment)) return `“${segment}” ends with a dot or space, which Windows drops`
    if (Buffer.byteLength(segment) > 255) return `“${segment.slice(0, 40)}…” is longer than file systems allow`
  }
  return null
}

// eslint-disable-next-line no-control-regex -- shows control characters in messages instead of printing them
const printable = (text: string): string => text.replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)

const isInside = (root: string, target: string): boolean => {
  const rel = relative(root, target)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)
}

/**
 * Resolves relative site paths inside one folder. Every existing folder on
 * the way is checked for links that lead outside, once per folder, so a
 * symlinked `content/` cannot carry an export elsewhere.
 */
export class SiteFolder {
  private readonly checkedDirs = new Set<string>()

  private constructor(
    /** The folder as the user named it, resolved. */
    readonly root: string,
    /** With links resolved: where a link inside may lead. */
    readonly realRoot: string
  ) {}

  static async open(dir: string): Promise<SiteFolder> {
    const root = resolve(dir)
    const stats = await lstat(root).catch(() => null)
    if (!stats) throw new UserError('not-found', `The site folder “${root}” does not exist.`)
    const realRoot = await realpath(root)
    if (!(await lstat(realRoot)).isDirectory()) throw new UserError('invalid-input', `“${root}” is not a folder.`)
    return new SiteFolder(root, realRoot)
  }

  /** The absolute path for `rel`, or a UserError naming why it would leave the folder. */
  async resolve(rel: string): Promise<string> {
    return (await this.inspect(rel)).target
  }

  /** As resolve, also saying whether something is there: a missing file then needs no reading. */
  async inspect(rel: string): Promise<{ target: string; exists: boolean }> {
    const target = await this.checkFolderOf(rel)
    return { target, exists: inspectTarget(target, rel, this.realRoot) }
  }

  /**
   * The absolute path for `rel` once it and every folder on the way are
   * known safe; the file itself is left to inspectTarget, which a render
   * thread can run beside the write.
   */
  async checkFolderOf(rel: string): Promise<string> {
    const reason = unsafePathReason(rel)
    if (reason) throw new UserError('invalid-input', `Refusing to write “${printable(rel)}”: ${reason}. Nothing was exported.`)
    const target = resolve(this.root, rel)
    if (!isInside(this.root, target)) {
      throw new UserError('invalid-input', `Refusing to write “${rel}”: it is outside the site folder. Nothing was exported.`)
    }
    await this.checkDir(dirname(target), rel)
    return target
  }

  private async checkDir(dir: string, rel: string): Promise<void> {
    if (dir === this.root || this.checkedDirs.has(dir)) return
    await this.checkDir(dirname(dir), rel)
    const stats = await lstat(dir).catch(() => null)
    if (stats?.isSymbolicLink()) await this.checkLink(dir, rel)
    else if (stats && !stats.isDirectory()) throw new UserError('conflict', `Cannot write “${rel}”: ${dir} is a file, not a folder.`)
    this.checkedDirs.add(dir)
  }

  private async checkLink(link: string, rel: string): Promise<void> {
    checkLinkTarget(link, await realpath(link).catch(() => null), rel, this.realRoot)
  }
}

function checkLinkTarget(link: string, real: string | null, rel: string, realRoot: string): void {
  if (!real || !isInside(realRoot, real)) {
    throw new UserError('invalid-input', `Refusing to write “${rel}”: ${link} is a link that leads outside the site folder. Nothing was exported.`)
  }
}

/**
 * Whether something is at `target`, whose folders checkFolderOf found safe:
 * a link there must stay inside the site, and anything but a regular file in
 * the way (a folder, a FIFO, a socket, a device) is refused without opening it.
 * Synchronous, for render threads, where it costs microseconds and blocks nothing.
 */
export function inspectTarget(target: string, rel: string, realRoot: string): boolean {
  let stats = lstatSync(target, { throwIfNoEntry: false })
  if (!stats) return false
  if (stats.isSymbolicLink()) {
    let real: string | null = null
    try {
      real = realpathSync(target)
    } catch {
      // A dangling link is refused like one leading outside.
    }
    checkLinkTarget(target, real, rel, realRoot)
    stats = statSync(target)
  }
  const what = notAFile(stats)
  if (what) throw inTheWay(rel, what)
  return true
}
