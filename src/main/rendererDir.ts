import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Written by the renderer build (Vite's manifest); the source folder never has it. */
const BUILD_MANIFEST = join('.vite', 'manifest.json');

/** The built pages are missing: the app refuses to start rather than serve a blank studio. */
export class RendererNotBuiltError extends Error {
  constructor(readonly dir: string) {
    super(
      `The studio pages are not built (no ${join(dir, BUILD_MANIFEST)}). Run \`npm run build\` (or start with \`npm run serve\`, which builds first).`,
    );
    this.name = 'RendererNotBuiltError';
  }
}

/**
 * The built renderer, found one way: next to the bundled main process (out/main → out/renderer).
 * A folder counts only if the renderer build wrote its manifest there, so running main from the
 * sources can never pick up the Vite source pages (which reference /src/*.tsx and render blank).
 */
export function findRendererDir(moduleUrl: string): string {
  const dir = join(dirname(fileURLToPath(moduleUrl)), '..', 'renderer');
  if (!isBuiltRenderer(dir)) throw new RendererNotBuiltError(dir);
  return dir;
}

export function isBuiltRenderer(dir: string): boolean {
  return existsSync(join(dir, BUILD_MANIFEST)) && existsSync(join(dir, 'index.html'));
}
