import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import LongestFirst from './support/longest-first.ts'

/**
 * Files that need a process of their own: import-thread measures the memory of its process, which modules
 * other files loaded would swell; the other two move the process's working folder into temp folders they
 * delete, and a module first loaded meanwhile keeps that folder (esbuild then failed to start its service).
 */
const ownProcess = ['tests/main/library/import-thread.test.ts', 'tests/main/ipc/contract-fuzz.test.ts', 'tests/main/ipc/folder-handles.test.ts']

export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    globalSetup: ['tests/support/build-cli.ts', 'tests/support/skip-summary.ts'],
    // Vitest's default on two cores is one worker, which ran the whole suite file after file.
    // Most files wait on child processes, disks and a browser, so two run side by side even on a
    // busy two-core laptop. Three made a quiet run slower (505 s against 484 s: every file waited
    // longer on the disk and the cores). The projects share the one pool (equal maxWorkers, one group).
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
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
          exclude: ['tests/e2e/**', 'node_modules/**', ...ownProcess],
          environment: 'node',
          // Files share their worker's modules: loading them again for every file took most of the unit
          // tests' CPU time. No test here keeps state another file could see (temp folders are fresh,
          // stubs, env and fake timers are undone in each file's hooks, the working folder never moves).
          isolate: false
        }
      },
      {
        extends: true,
        test: {
          name: 'unit-isolated',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          include: ownProcess,
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
          hookTimeout: 240_000,
          // As for the unit files; the files of a worker share its Chromium (tests/e2e/harness.ts), and
          // every test opens its own browser context over its own temp library.
          isolate: false
        }
      }
    ]
  }
})
