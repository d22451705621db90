import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportAllDeclaration', message: 'Name what a module exports: no `export *` barrels.' }],
    },
  },
  {
    // shared/ is pure: the document model, numbering, roles and the wire
    // vocabulary, used by the browser and the server alike. It must not
    // reach into either, nor use a DOM, Node or React.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'crypto', 'http', 'os', 'child_process'], message: 'shared/ must stay pure: no Node built-ins (it runs in the browser too).' },
            { group: ['react', 'react-dom', 'react/*', '@tiptap/*'], message: 'shared/ must stay pure: no UI libraries; the client adapts shared data to them.' },
            { group: ['**/client/**', '**/server/**', '../client/*', '../server/*', '../../client/*', '../../server/*'], message: 'shared/ must not import from client/ or server/: they import from it.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'window', message: 'shared/ runs on the server too: no DOM.' }, { name: 'document', message: 'shared/ runs on the server too: no DOM.' }, { name: 'process', message: 'shared/ runs in the browser too: configuration comes in as arguments.' }],
    },
  },
  {
    // Configuration is read once, in server/config.ts, and handed to the rest.
    files: ['server/**/*.ts'],
    ignores: ['server/config.ts', 'server/**/*.test.ts', 'server/testing/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration in server/config.ts and pass it down.' }],
    },
  },
);
