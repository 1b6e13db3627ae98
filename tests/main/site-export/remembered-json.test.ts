import { readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readRememberedJson, writeRememberedJson } from '../../../src/main/site-export/remembered-json'
import { makeTempDir } from '../../support/temp-dir'

/**
 * The manifest and the render cache are parsed once and then reused while
 * their file is unchanged; the danger is reusing them after someone else
 * changed the file, so that is what these check.
 */
let temp: { path: string; cleanup: () => Promise<void> }
let file: string
let parsed: string[]
const parse = (text: string): { n: number } => {
  parsed.push(text)
  return JSON.parse(text) as { n: number }
}
beforeEach(async () => {
  temp = await makeTempDir('copydesk-remembered-')
  file = join(temp.path, 'state.json')
  parsed = []
})
afterEach(() => temp.cleanup())

describe('JSON files remembered between exports', () => {
  it('are parsed once while unchanged, and what this process wrote is not read back', async () => {
    await writeRememberedJson(file, '{"n":1}', { n: 1 })
    expect(await readFile(file, 'utf8')).toBe('{"n":1}')
    expect(await readRememberedJson(file, parse)).toEqual({ n: 1 })
    expect(await readRememberedJson(file, parse)).toEqual({ n: 1 })
    expect(parsed).toEqual([])
  })

  it('are read again once another program replaces or edits them, even to the same size', async () => {
    await writeRememberedJson(file, '{"n":1}', { n: 1 })
    await writeFile(file, '{"n":2}')
    expect(await readRememberedJson(file, parse)).toEqual({ n: 2 })
    // Edited in place to the same size: only the modification time tells, set well apart for file systems with coarse times.
    await writeFile(file, '{"n":3}')
    await utimes(file, new Date(Date.now() + 5_000), new Date(Date.now() + 5_000))
    expect(await readRememberedJson(file, parse)).toEqual({ n: 3 })
    expect(parsed).toEqual(['{"n":2}', '{"n":3}'])
  })

  it('give null for a missing file and pass on a file that does not parse, remembering neither', async () => {
    expect(await readRememberedJson(file, parse)).toBeNull()
    await writeFile(file, '{"n":')
    await expect(readRememberedJson(file, parse)).rejects.toThrow(SyntaxError)
    await expect(readRememberedJson(file, parse)).rejects.toThrow(SyntaxError)
    await rm(file)
    expect(await readRememberedJson(file, parse)).toBeNull()
  })
})
