import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    globalSetup: ['tests/support/build-cli.ts', 'tests/support/skip-summary.ts'],
    // Vitest's default on two cores is one worker, which ran the whole suite file after file.
    // Most files wait on child processes, disks and a browser, so two run side by side even on a
    // busy two-core laptop; both projects share the one pool (equal maxWorkers, one group).
    maxWorkers: 2,
    // expect.poll retries until the outcome shows; one second (Vitest's default) is too short for a busy laptop.
    expect: { poll: { timeout: 60_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Generous: the suite must pass on a laptop whose cores are busy with other work. Tests
          // assert outcomes, never how fast they came.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          environment: 'node'
        }
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 240_000,
          hookTimeout: 240_000
        }
      }
    ]
  }
})
