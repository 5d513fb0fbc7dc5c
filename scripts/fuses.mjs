// Flips the Electron fuses of a packaged binary: `npm run fuses -- <path to the packaged electron binary>`.
// The configuration (and why each fuse is set) lives in src/main/electron/fuses.ts, with its test.
import { flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { existsSync } from 'node:fs';
import { AIRDECK_FUSES } from '../src/main/electron/fuses.ts';

const binary = process.argv[2];
if (!binary || !existsSync(binary)) {
  console.error('Usage: npm run fuses -- <path to the packaged Electron binary (Airdeck.exe, Airdeck.app, airdeck)>');
  process.exit(2);
}
// macOS: flipping fuses breaks the ad-hoc signature; re-sign ad hoc so the app still launches
// (a release build is signed properly afterwards).
await flipFuses(binary, { ...AIRDECK_FUSES, resetAdHocDarwinSignature: process.platform === 'darwin' });
const wire = await getCurrentFuseWire(binary);
console.log(`Fuses flipped in ${binary}:`, wire);
