import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const noElectronReactOrDom = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'src/shared runs in every process: keep Electron out of it.' },
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@tiptap/react', '@tiptap/react/*'], message: 'src/shared must not depend on React.' },
    { group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**'], message: 'src/shared is imported by the processes, never the other way round.' }
  ]
}

export default tseslint.config(
  // electron-vite writes its config bundled to a timestamped file beside it and deletes it when done: lint runs beside
  // the build (npm test's run-p), and reading that file as it goes away failed the lint.
  { ignores: ['out/**', 'out-*/**', '**/out-*/**', 'node_modules/**', 'tests/artifacts/**', 'electron.vite.config.ts.*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always']
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'node:*'], message: 'The renderer reaches main only through window.copydesk.' },
            { group: ['**/main/**', '**/preload/**'], message: 'The renderer reaches main only through window.copydesk.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noElectronReactOrDom] }
  }
)
