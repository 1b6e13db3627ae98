import { join } from 'node:path'
import { newId } from '../../../src/shared/ids'

/**
 * What a compromised renderer might send where main expects a folder handle.
 * Relative ones are meant to be resolved against a working folder at least
 * three levels inside `world` (so `..` never leaves it); absolute ones point
 * into `world` too, at a folder that exists (`victim`) and one that does not,
 * so a test can prove nothing was created or written by looking at `world`.
 * Shared with the IPC fuzz suite.
 */
export function hostilePaths(world: string): string[] {
  return [
    // Relative: the working folder, parents, and names Windows or a reader would misread.
    '.',
    '..',
    '../',
    '../..',
    '../../victim',
    '../../etc/passwd',
    '../../../victim/../victim',
    'relative/folder',
    './library',
    'CON',
    'NUL',
    'aux.txt',
    'LPT1',
    '\u202Etxt.exe',
    'name\u0000with-nul',
    ' ',
    '~',
    '~/Library',
    'C:\\Windows\\System32',
    '\\\\server\\share',
    'file:///etc',
    'a'.repeat(5000),
    // Absolute: a folder the user never chose that exists, one that does not, and a `..` walk to it.
    join(world, 'victim'),
    join(world, 'not-yet'),
    `${world}/work/../victim`,
    `${world}//victim//`
  ]
}

/** Well-formed or nearly so, but never granted by main. */
export const unknownHandles: readonly string[] = [
  '0'.repeat(32),
  'f'.repeat(32),
  newId(),
  newId().toUpperCase(),
  `${newId()} `,
  newId().slice(0, 31),
  `${newId()}0`
]

/** Not even strings. */
export const foreignValues: readonly unknown[] = [null, 0, 1, true, [], ['.'], {}, { path: '.' }, { handle: '0'.repeat(32) }]
