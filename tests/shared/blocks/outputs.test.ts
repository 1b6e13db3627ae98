import { describe, expect, it } from 'vitest'
import { blockOutputs } from '../../../src/shared/blocks/outputs'
import { customBlockNodes } from '../../../src/shared/blocks/registry'
import { articleSchema } from '../../../src/shared/schema/extensions'

describe('block outputs registry', () => {
  it('has an export for every custom block an article can hold', () => {
    const topLevel = customBlockNodes.filter((node) => articleSchema.nodes[node.name]?.isInGroup('block')).map((node) => node.name)
    expect(topLevel.length).toBeGreaterThan(0)
    expect(blockOutputs.map((output) => output.node).sort()).toEqual(topLevel.sort())
  })
})
