import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process', 'stream', 'crypto', 'url']

/** Layer fences (DESIGN.md §1): a bad import fails lint, like VS Code's code-layering rule. */
const fence = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }]
})

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off'
    }
  },
  {
    files: ['bin/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly' } }
  },
  {
    files: ['src/engine/**/*.ts', 'src/shared/**/*.ts'],
    rules: fence(
      ['electron', ...nodeBuiltins, '**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**', 'vue', 'pinia', 'dexie', 'echarts'],
      'engine and shared are pure TypeScript: no Electron, Node, DOM or app-layer imports'
    )
  },
  {
    files: ['src/renderer/**/*.{ts,vue}'],
    rules: fence(
      ['electron', ...nodeBuiltins, '**/main/**', '**/preload/**', '**/cli/**'],
      'the renderer reaches the main process only through renderer/src/api'
    )
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: fence(['**/engine/**', '**/main/**', '**/renderer/**', ...nodeBuiltins], 'the preload only bridges the contract')
  },
  {
    files: ['src/main/**/*.ts', 'src/cli/**/*.ts'],
    rules: fence(['**/renderer/**', '**/preload/**', 'vue', 'pinia', 'dexie', 'echarts'], 'main and cli do not import UI code')
  }
)
