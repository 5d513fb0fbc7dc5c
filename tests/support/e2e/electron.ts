import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Path of the installed Electron binary, or null with the reason it is absent. Never triggers a
 * download: on machines without internet the Electron specs are skipped, not passed.
 */
export function installedElectron(): { path: string } | { path: null; reason: string } {
  const dir = join(process.cwd(), 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile))
    return {
      path: null,
      reason: 'Electron binary is not installed (node_modules/electron/path.txt missing); run where it can be downloaded',
    };
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { path: null, reason: `Electron binary missing at ${binary}` };
  return { path: binary };
}
