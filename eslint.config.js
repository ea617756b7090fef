// Lint rules are part of `npm test` (CONVENTIONS.md §12): the style is checked, not argued.
// Type-aware rules (no-floating-promises) need each file's tsconfig: projectService finds it.
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import { layeringRules } from './eslint.layering.js'

export default defineConfigWithVueTs(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'build/**', 'resources/**']
  },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue']
      }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      'vue/multi-word-component-names': 'off',
      // Its autofix removed assertions that vue-tsc and vi.hoisted code still need (ESLint's type
      // program does not see .vue files as vue-tsc does): the build broke, so it stays off.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off'
    }
  },
  // Plain scripts and configs are not in a tsconfig: lint them without type information.
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
  {
    // Fakes in tests implement async ports without awaiting, and tests print cell values as they
    // come: these rules guard production code, not assertions.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      // The CLI's --json output is read by tests as it comes.
      '@typescript-eslint/no-explicit-any': 'off'
    }
  },
  ...layeringRules,
  prettier
)
