import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { SealedJsonFile } from '../../../src/main/library/sealed-json-file'
import { makeTempDir } from '../../support/temp-dir'

const schema = z.object({ formatVersion: z.literal(1), names: z.array(z.string().trim().min(1)) })
type Value = z.infer<typeof schema>
const value: Value = { formatVersion: 1, names: ['Ada', 'Grace', 'Hedy'] }

let temp: Awaited<ReturnType<typeof makeTempDir>>
let file: string
beforeEach(async () => {
  temp = await makeTempDir('copydesk-sealed-')
  file = join(temp.path, 'index.json')
})
afterEach(() => temp.cleanup())

const sealedFile = (seal = 'test-index-1'): SealedJsonFile<Value> => new SealedJsonFile(file, schema, seal)

describe('a JSON file sealed with the digest of its text', () => {
  it('reads back what it wrote as sealed, and stays JSON that other readers take as it is', async () => {
    await sealedFile().write(value)
    expect(await sealedFile().readSealed()).toEqual({ value, sealed: true, current: true })
    const text = await readFile(file, 'utf8')
    expect(text).toMatch(/,"sha256":"[0-9a-f]{64}"\}\n$/)
    expect(schema.parse(JSON.parse(text))).toEqual(value)
  })

  it('keeps names in any script as they were, in a file of plain ASCII bytes that decodes at the cheapest', async () => {
    const names: Value = { formatVersion: 1, names: ['Ådá Lovelace', '“Grace” — Hopper…', 'ヘディ', 'Emoji 😀'] }
    await sealedFile().write(names)
    const bytes = await readFile(file)
    expect(bytes.every((byte) => byte < 0x80)).toBe(true)
    expect(await sealedFile().readSealed()).toEqual({ value: names, sealed: true, current: true })
    expect(JSON.parse(bytes.toString('utf8'))).toMatchObject(names)
  })

  it('reads a sealed file of UTF-8 (an older version wrote names past ASCII as they are) with its names intact, as one to write again', async () => {
    const names: Value = { formatVersion: 1, names: ['Ådá Lovelace', '“Grace” — Hopper…', 'ヘディ', 'Emoji 😀'] }
    const body = JSON.stringify(names).slice(0, -1)
    const digest = createHash('sha256').update('test-index-1').update(body).update('}').digest('hex')
    await writeFile(file, `${body},"sha256":"${digest}"}\n`, 'utf8')
    expect(await sealedFile().readSealed()).toEqual({ value: names, sealed: true, current: false })
  })

  it('checks a file whose text changed by one character against the schema, and keeps it when it fits', async () => {
    await sealedFile().write(value)
    await writeFile(file, (await readFile(file, 'utf8')).replace('"Grace"', '" Grace"'))
    // Checked in full: the schema's trim applies, as it did before the seal existed.
    expect(await sealedFile().readSealed()).toEqual({ value, sealed: false, current: false })
  })

  it('refuses a changed file that does not fit the schema, although its seal is still there', async () => {
    await sealedFile().write(value)
    await writeFile(file, (await readFile(file, 'utf8')).replace('"Grace"', '42'))
    await expect(sealedFile().read()).rejects.toThrow()
  })

  it('checks in full a file without a seal (written before seals) or sealed for another format', async () => {
    await writeFile(file, `${JSON.stringify({ formatVersion: 1, names: ['Ada '] })}\n`)
    expect(await sealedFile().readSealed()).toEqual({ value: { formatVersion: 1, names: ['Ada'] }, sealed: false, current: false })

    await sealedFile('test-index-2').write({ formatVersion: 2, names: [] } as unknown as Value)
    await expect(sealedFile('test-index-1').read()).rejects.toThrow()
  })

  it('tells a missing file from a damaged one', async () => {
    expect(await sealedFile().read()).toBeNull()
    await writeFile(file, '{"formatVersion":1,"names":["Ada"')
    await expect(sealedFile().read()).rejects.toThrow()
  })
})
