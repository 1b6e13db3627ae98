import type { ElementContent } from 'hast'
import type { Node as MdastNode, PhrasingContent, RootContent } from 'mdast'
import type { BodyNode } from '../article/body'
import type { ExportContext, ExportWarningKind, KitFile, ProfileName } from './types'

/** A custom block placed in the mdast tree; each output target asks its block how to write it. */
export interface CopydeskBlock extends MdastNode {
  type: 'copydeskBlock'
  output: AnyBlockOutput
  /** What the block's `read` returned; `data` is taken by mdast. */
  payload: unknown
  /** Its position among the kept blocks of the same kind: the key into the front matter data. */
  index: number
}

/** Tiptap's underline mark: no Markdown syntax, so `<u>` in both outputs. */
export interface Underline extends MdastNode {
  type: 'underline'
  children: PhrasingContent[]
}

declare module 'mdast' {
  interface RootContentMap {
    copydeskBlock: CopydeskBlock
    underline: Underline
  }
  interface BlockContentMap {
    copydeskBlock: CopydeskBlock
  }
  interface PhrasingContentMap {
    underline: Underline
  }
}

export interface ReadEnv {
  readonly ctx: ExportContext
  warn(kind: ExportWarningKind, message: string): void
  /** Converts rich content inside the block (an FAQ answer) with the article body's rules. */
  mdast(nodes: readonly BodyNode[]): RootContent[]
}

export interface HtmlEnv {
  hast(nodes: readonly RootContent[]): ElementContent[]
}

export interface MarkdownEnv {
  readonly profile: ProfileName
  markdown(nodes: readonly RootContent[]): string
  /** Imports a site-kit component into the article (MDX) and returns the name to use. */
  component(name: string, kitPath: string): string
}

/**
 * Everything export needs to know about one custom block, kept in the block's
 * own folder and listed once in src/shared/blocks/outputs.ts.
 */
export interface BlockOutput<Data> {
  /** The Tiptap node name it exports. */
  node: string
  /** Reads the node for export; null leaves the block out (after a warning saying why). */
  read(node: BodyNode, env: ReadEnv): Data | null
  /** For the HTML export and as raw HTML in plain Markdown. */
  html(data: Data, env: HtmlEnv): ElementContent[]
  /** The shortcode, include or component a site profile writes; null writes the block's HTML instead. */
  markdown(data: Data, index: number, env: MarkdownEnv): string | null
  /** Front matter fields the site-kit templates read, given every kept block of this kind in order. */
  frontMatter?(blocks: Data[], markdown: MarkdownEnv['markdown']): Record<string, unknown>
  /** One JSON-LD object for the page, merging every block of this kind; null when there is nothing to say. */
  jsonLd?(blocks: Data[]): Record<string, unknown> | null
  /** The templates each profile's site needs to render this block. */
  siteKit: Partial<Record<ProfileName, KitFile[]>>
}

/** A block output whose data type is private to its block: only its own functions read the data. */
export type AnyBlockOutput = BlockOutput<unknown>

export const defineBlockOutput = <Data>(output: BlockOutput<Data>): AnyBlockOutput => output as unknown as AnyBlockOutput
