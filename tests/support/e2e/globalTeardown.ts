import { isGroupAlive, openProcessGroups, resetProcessGroupRegistry } from './processGroups';

/**
 * Ends every `npm run serve` a spec started and did not stop (a failed spec's afterEach may not
 * have run), then fails the run if any of them had still been alive: the suite must leave no
 * process behind.
 */
export default async function globalTeardown(): Promise<void> {
  const leftover = openProcessGroups().filter(isGroupAlive);
  for (const group of leftover) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // ended meanwhile
    }
  }
  resetProcessGroupRegistry();
  if (leftover.length > 0)
    throw new Error(
      `${leftover.length} studio process group(s) were still running after the specs (${leftover.join(', ')}); they were killed`,
    );
}
