import { isAbsolute, normalize, win32 } from 'node:path'
import { expect } from 'vitest'

/** A path the site folder can safely hold: relative, no `..` or `.` segment, no backslash, no Windows device name. */
export function expectSafe(path: string): void {
  expect(isAbsolute(path) || win32.isAbsolute(path), path).toBe(false)
  expect(path.includes('\\'), path).toBe(false)
  expect(normalize(path), path).toBe(path)
  const segments = path.split('/')
  expect(segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..'), path).toBe(true)
  expect(segments.some((segment) => /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(segment)), path).toBe(false)
  expect(segments.every((segment) => !segment.endsWith('.') && !segment.startsWith('.')), path).toBe(true)
}
