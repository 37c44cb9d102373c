import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  {
    ignores: [
      'build/',
      '.svelte-kit/',
      'data/',
      'drizzle/',
      'test-results/',
      'playwright-report/',
      'bench/tmp/'
    ]
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-undef': 'off',
      // The app is served at the site root (no kit.paths.base), so plain hrefs are correct.
      'svelte/no-navigation-without-resolve': 'off',
      // {' '} is deliberate: Svelte drops whitespace at the start of an element, and visually
      // hidden text needs its leading space ("Change council", not "Changecouncil").
      'svelte/no-useless-mustaches': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ]
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser
      }
    }
  },
  {
    // Layers point one way: domain and charts stay pure (no server, no SvelteKit runtime).
    files: ['src/lib/domain/**', 'src/lib/charts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['#lib/server/*', '**/server/**'],
              message: 'domain/ and charts/ must not import server code.'
            },
            {
              group: ['$app/*', '$env/*'],
              message: 'domain/ and charts/ must not depend on SvelteKit runtime modules.'
            }
          ]
        }
      ]
    }
  }
);
