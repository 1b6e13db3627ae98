import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { cspPlugin } from './src/renderer/csp-plugin'
import { channelNames } from './src/shared/ipc/contract'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/main/index.ts') }
      }
    }
  },
  preload: {
    // The names alone (src/preload/index.ts): the contract stays the one place channels are declared.
    define: { __COPYDESK_CHANNELS__: JSON.stringify(channelNames) },
    build: {
      // A sandboxed preload can require nothing but 'electron': bundle every dependency into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload cannot load ES modules, so it ships as one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      // electron-vite leaves the renderer unminified; minified, the window parses less than half the bytes before it draws.
      minify: true,
      rollupOptions: {
        input: { index: resolve('src/renderer/index.html') },
        output: {
          // Components keep their names: crash reports and React's developer tools (which the render tests read) name them.
          keepNames: true,
          codeSplitting: {
            // Zod probes for eval as each schema is built, which the CSP reports, unless jitless is set first. Split
            // into chunks, the schemas' chunk would run before main.tsx's first import; in zod's own chunk the setting
            // runs right after zod, before any chunk that builds a schema.
            groups: [
              { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]renderer[\\/]src[\\/]zod-jitless\.ts$/ },
              // Everything the window runs first goes in the entry's own chunk. Left to itself, Rolldown put React's JSX
              // runtime (shared with the lazy chunks) in a 9 kB chunk of its own, one more file the entry's evaluation
              // waited for: main answers the window's requests one after another, between its answers to the window's calls.
              { name: 'index', tags: ['$initial'] }
            ]
          }
        }
      }
    },
    plugins: [react(), cspPlugin()]
  }
})
