import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/**
 * Three builds: main (plus the headless entry, which never imports Electron), the sandboxed
 * preload, and the renderer pages (studio at index.html).
 */
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          headless: resolve('src/main/headless.ts'),
          // The rehearsal server runs in a worker thread: its own entry, loaded by path at run time.
          rehearsalWorker: resolve('src/main/rehearsal/worker.ts'),
        },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve('src/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react()],
    build: {
      // The manifest marks a real build: the app refuses to serve a folder without it (rendererDir.ts).
      manifest: true,
      rollupOptions: {
        input: {
          index: resolve('src/renderer/index.html'),
          watch: resolve('src/renderer/watch.html'),
          guest: resolve('src/renderer/guest.html'),
        },
      },
    },
  },
});
