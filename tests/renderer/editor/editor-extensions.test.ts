import { getSchema } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { articleSchema } from '../../../src/shared/schema/extensions'
import { editorExtensions } from '../../../src/renderer/src/editor/editor-extensions'
import type { EditorServices } from '../../../src/renderer/src/editor/editor-services'
import { LiveValue } from '../../../src/renderer/src/lib/live-value'
import { netflixArticle } from '../../fixtures/netflix'

/** A schema as data: node and mark names in order with their content, groups and attributes (parse and render functions aside). */
const shape = (schema: Schema): string =>
  JSON.stringify({
    nodes: entries(schema.spec.nodes),
    marks: entries(schema.spec.marks),
    topNode: schema.spec.topNode
  })

function entries<T>(map: { forEach(f: (key: string, value: T) => void): void }): [string, T][] {
  const list: [string, T][] = []
  map.forEach((key, value) => list.push([key, value]))
  return list
}

describe('the editor schema', () => {
  const editorSchema = getSchema(editorExtensions(new LiveValue<EditorServices | null>(null)))

  it('is the article schema the library validates with and export reads: views and behaviour add no node, mark or attribute', () => {
    expect(shape(editorSchema)).toBe(shape(articleSchema))
  })

  it('opens the fixture article exactly as stored', () => {
    const body = netflixArticle().body
    expect(editorSchema.nodeFromJSON(body).toJSON()).toEqual(articleSchema.nodeFromJSON(body).toJSON())
  })
})
