import { stat } from 'node:fs/promises'
import { Low } from 'lowdb'
import * as z from 'zod'
import { promoInputSchema, promoSchema, type Promo, type PromoInput } from '../../shared/article/promo'
import { UserError } from '../../shared/ipc/result'
import { moveAside, reasonOf } from './article-files'
import { AtomicJsonFile } from './json-file'
import { parseOrRefuse } from './validation'

const promoFileSchema = z.object({ formatVersion: z.literal(1), promos: z.array(promoSchema) })
type PromoData = z.infer<typeof promoFileSchema>

/**
 * The promo collection: source data, edited once and placed in articles by
 * id, so it lives in its own small lowdb file next to the index, never only
 * inside it.
 */
export class PromoStore {
  private readonly db: Low<PromoData>
  private mtimeMs = -1

  constructor(
    private readonly file: string,
    private readonly damagedDir: string
  ) {
    this.db = new Low<PromoData>(new AtomicJsonFile<PromoData>(file), { formatVersion: 1, promos: [] })
  }

  all(): Promo[] {
    return this.db.data.promos
  }

  get(id: string): Promo | undefined {
    return this.db.data.promos.find((promo) => promo.id === id)
  }

  /**
   * Re-reads the file if another process changed it. `reloaded` says whether
   * it did; `notice` is set when the file had to be moved aside.
   */
  async refresh(): Promise<{ reloaded: boolean; notice: string | null }> {
    const mtimeMs = await stat(this.file).then((s) => s.mtimeMs, () => 0)
    if (mtimeMs === this.mtimeMs) return { reloaded: false, notice: null }
    this.mtimeMs = mtimeMs
    try {
      // Through the adapter: Low.read() keeps its default data when the file is missing, which is the one case of an empty list.
      const data = await this.db.adapter.read()
      this.db.data = data === null ? { formatVersion: 1, promos: [] } : promoFileSchema.parse(data)
      return { reloaded: true, notice: null }
    } catch (error) {
      this.db.data = { formatVersion: 1, promos: [] }
      const problem = `The promo file “promos.json” could not be read (${reasonOf(error)})`
      return moveAside(this.file, this.damagedDir).then(
        (movedTo) => ({ reloaded: true, notice: `${problem}, so it was moved to “${movedTo}” and the promo list starts empty.` }),
        (moveError: unknown) => ({ reloaded: true, notice: `${problem}, and was left where it is (${reasonOf(moveError)}); the promo list starts empty.` })
      )
    }
  }

  /** True when another process wrote the file since we last read it. */
  async changedOnDisk(): Promise<boolean> {
    return (await stat(this.file).then((s) => s.mtimeMs, () => 0)) !== this.mtimeMs
  }

  /** Creates or updates a promo; call holding the library lock, after refresh(). */
  async save(input: PromoInput, id: string, now: string): Promise<Promo> {
    const fields = parseOrRefuse(promoInputSchema, input, 'The promo')
    if (fields.activeFrom && fields.activeUntil && fields.activeFrom > fields.activeUntil) {
      throw new UserError('invalid-input', 'The promo ends before it starts: its “active until” date must be on or after “active from”.')
    }
    const existing = this.get(id)
    const promo = promoSchema.parse({ ...fields, id, createdAt: existing?.createdAt ?? now, updatedAt: now })
    await this.write(existing ? this.all().map((p) => (p.id === id ? promo : p)) : [...this.all(), promo])
    return promo
  }

  async remove(id: string): Promise<void> {
    await this.write(this.all().filter((promo) => promo.id !== id))
  }

  private async write(promos: Promo[]): Promise<void> {
    const previous = this.db.data
    this.db.data = { formatVersion: 1, promos }
    try {
      await this.db.write()
    } catch (error) {
      this.db.data = previous
      throw error
    }
    this.mtimeMs = await stat(this.file).then((s) => s.mtimeMs)
  }
}
