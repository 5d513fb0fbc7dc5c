import { mkdirSync } from 'node:fs';
import { resetProcessGroupRegistry } from './processGroups';

/** A fresh registry of the process groups this run starts (see globalTeardown). */
export default function globalSetup(): void {
  mkdirSync('.tmp', { recursive: true });
  resetProcessGroupRegistry();
}
