import { relative } from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * Seconds the slowest files took in the last quiet run of a fresh clone (2 cores, two workers), which has no Vitest cache yet.
 * Only the order depends on them: a stale figure costs a little wall time, never a result.
 */
const quietSeconds = new Map<string, number>([
  ['e2e:tests/e2e/sync.e2e.test.ts', 56],
  ['e2e:tests/e2e/editor.e2e.test.ts', 47],
  ['e2e:tests/e2e/editor-paste.e2e.test.ts', 37],
  ['e2e:tests/e2e/export.e2e.test.ts', 33],
  ['unit:tests/main/library/crash.test.ts', 32],
  ['unit:tests/shared/export/commonmark-spec.test.ts', 29],
  ['unit-isolated:tests/main/ipc/contract-fuzz.test.ts', 24],
  ['unit:tests/main/sync/sync-kill.test.ts', 22],
  ['e2e:tests/e2e/editor-leak.e2e.test.ts', 21],
  ['unit:tests/main/sync/sync-property.test.ts', 21],
  ['unit-isolated:tests/main/library/import-thread.test.ts', 20],
  ['unit:tests/cli/library.test.ts', 19],
  ['e2e:tests/e2e/workspace-layout.e2e.test.ts', 19],
  ['e2e:tests/e2e/approval.e2e.test.ts', 19],
  ['unit:tests/shared/import/limits.test.ts', 19],
  ['e2e:tests/e2e/accessibility.e2e.test.ts', 18],
  ['unit:tests/main/sync/sync-handlers.test.ts', 18],
  ['e2e:tests/e2e/editor-saving.e2e.test.ts', 17],
  ['e2e:tests/e2e/library.e2e.test.ts', 17],
  ['unit:tests/main/site-export/interrupted-export.test.ts', 16],
  ['unit:tests/cli/sync.test.ts', 16],
  ['e2e:tests/e2e/review.e2e.test.ts', 15],
  ['unit:tests/main/security/electronegativity.test.ts', 14],
  ['e2e:tests/e2e/keyboard-flow.e2e.test.ts', 13],
  ['unit:tests/cli/export-threads.test.ts', 13],
  ['e2e:tests/e2e/library-save.e2e.test.ts', 12],
  ['unit:tests/main/sync/sync.test.ts', 12],
  ['e2e:tests/e2e/library-scale.e2e.test.ts', 12],
  ['unit:tests/cli/review.test.ts', 11],
  ['e2e:tests/e2e/library-import.e2e.test.ts', 11],
  ['unit:tests/cli/export.test.ts', 11],
  ['unit:tests/main/library/damage.test.ts', 9]
])

/**
 * Projects in this order: e2e files are the longest, and a worker that moves to another project starts a new
 * process (the e2e worker's Chromium and the unit worker's loaded modules are lost), so each project runs as
 * one block. Within a block the longest files go first, so the run does not end with one worker on a long
 * file while the other idles; the many short unit files fill the end.
 */
const projectOrder = ['e2e', 'unit-isolated', 'unit']

export default class LongestFirst extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification): number => {
      const index = projectOrder.indexOf(spec.project.name)
      return index === -1 ? projectOrder.length : index
    }
    const seconds = new Map(files.map((spec) => [spec, this.expectedSeconds(spec)]))
    return Promise.resolve([...files].sort((a, b) => rank(a) - rank(b) || (seconds.get(b) ?? 0) - (seconds.get(a) ?? 0)))
  }

  /** The last run's time on this machine when Vitest kept one, else the quiet CI figure, else 0 (short). */
  private expectedSeconds(spec: TestSpecification): number {
    const key = `${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`
    const last = this.ctx.cache.getFileTestResults(key)
    if (last && !last.failed) return last.duration / 1000
    return quietSeconds.get(key) ?? 0
  }
}
