import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'

/** Node's modules by exact name: as glob patterns, `path` would also fence `./path/gbm`. */
const nodeModules = [
  'fs',
  'path',
  'os',
  'worker_threads',
  'child_process',
  'stream',
  'crypto',
  'url'
]

/**
 * Layer fences (DESIGN.md §1): a bad import fails lint, like VS Code's code-layering rule.
 * `modules` are exact module names, `patterns` gitignore-style globs (folders, `node:*`).
 */
const fence = ({ modules = [], patterns }, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: modules.map((name) => ({ name, message })),
      patterns: [{ group: patterns, message }]
    }
  ]
})

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    // Scripts run by Node directly (the `cascade` bin, tool scripts): Node's globals are theirs.
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' }
    }
  },
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, sourceType: 'module' }
    }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off'
    }
  },
  {
    // TypeScript already resolves every name, DOM ones included; no-undef only misfires on types.
    files: ['**/*.ts', '**/*.vue'],
    rules: { 'no-undef': 'off' }
  },
  {
    files: ['bin/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly' } }
  },
  {
    files: ['src/engine/**/*.ts', 'src/shared/**/*.ts'],
    rules: fence(
      {
        modules: ['electron', ...nodeModules],
        patterns: [
          'node:*',
          '**/main/**',
          '**/renderer/**',
          '**/preload/**',
          '**/cli/**',
          'vue',
          'pinia',
          'dexie',
          'echarts'
        ]
      },
      'engine and shared are pure TypeScript: no Electron, Node, DOM or app-layer imports'
    )
  },
  {
    files: ['src/renderer/**/*.{ts,vue}'],
    rules: fence(
      {
        modules: ['electron', ...nodeModules],
        patterns: ['node:*', '**/main/**', '**/preload/**', '**/cli/**']
      },
      'the renderer reaches the main process only through renderer/src/api'
    )
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: fence(
      {
        modules: nodeModules,
        patterns: ['node:*', '**/engine/**', '**/main/**', '**/renderer/**']
      },
      'the preload only bridges the contract'
    )
  },
  {
    files: ['src/main/**/*.ts', 'src/cli/**/*.ts'],
    rules: fence(
      { patterns: ['**/renderer/**', '**/preload/**', 'vue', 'pinia', 'dexie', 'echarts'] },
      'main and cli do not import UI code'
    )
  },
  {
    // Prettier formats templates (STYLE.md); these rules would fight it over line breaks.
    files: ['**/*.vue'],
    rules: {
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/first-attribute-linebreak': 'off'
    }
  }
)
