import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds the built renderer: next to the bundled main (out/main → out/renderer) or, when main runs
 * from source, in the project's out/renderer.
 */
export function findRendererDir(moduleUrl: string): string {
  if (process.env.AIRDECK_RENDERER_DIR) return process.env.AIRDECK_RENDERER_DIR;
  const here = dirname(fileURLToPath(moduleUrl));
  const candidates = [join(here, '../renderer'), join(here, '../../out/renderer')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[candidates.length - 1]!;
}
