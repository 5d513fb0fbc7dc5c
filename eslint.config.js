// @ts-check
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Besides the usual checks, this file holds the layering (architecture.md, "folder = runtime"):
 * - src/shared imports no Node, Electron, DOM-only or React code;
 * - only src/main/electron/, src/main/index.ts and src/preload/ import 'electron';
 * - only src/renderer/src/livekit/ imports 'livekit-client'.
 */
const NODE_BUILTIN_NAMES = [
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'stream',
  'url',
  'zlib',
  'worker_threads',
];
const nodeBuiltinBans = (message) => NODE_BUILTIN_NAMES.map((name) => ({ name, message }));
const NODE_PROTOCOL = ['node:*'];

const electronBan = { name: 'electron', message: 'Only src/main/electron/, src/main/index.ts and src/preload/ may import electron.' };
const livekitClientBan = { name: 'livekit-client', message: 'Only src/renderer/src/livekit/ may import livekit-client.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { paths: [electronBan, livekitClientBan] }],
      // Past 300 lines a module holds more than one concern: split it by what it does.
      'max-lines': ['error', { max: 300 }],
      // A catch that stays silent says why, in a comment inside it.
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronBan,
            livekitClientBan,
            { name: 'react', message: 'src/shared is plain TypeScript: no React.' },
            ...nodeBuiltinBans('src/shared runs everywhere: no Node built-ins.'),
          ],
          patterns: [
            { group: NODE_PROTOCOL, message: 'src/shared runs everywhere: no Node built-ins.' },
            {
              group: ['react-dom', 'react-dom/*', 'zustand', 'ws', 'better-sqlite3', '**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'src/shared must not depend on a runtime or another layer.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', '__dirname'],
    },
  },
  {
    files: ['src/main/electron/**/*.ts', 'src/main/index.ts', 'src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [livekitClientBan] }] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan, livekitClientBan, ...nodeBuiltinBans('The renderer runs in a browser sandbox: no Node built-ins.')],
          patterns: [
            { group: NODE_PROTOCOL, message: 'The renderer runs in a browser sandbox: no Node built-ins.' },
            { group: ['**/main/**'], message: 'The renderer reaches main only through the studio contract.' },
          ],
        },
      ],
    },
  },
  {
    // After the general renderer block, so this exemption wins for the one livekit folder.
    files: ['src/renderer/src/livekit/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan, ...nodeBuiltinBans('The renderer runs in a browser sandbox: no Node built-ins.')],
          patterns: [{ group: NODE_PROTOCOL, message: 'No Node built-ins in the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.{js,mjs,ts}', '*.config.ts', '*.config.js'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
