import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Process groups the specs started (`npm run serve`), written to a file so the global teardown —
 * which runs in another process — can end any a failed spec left behind and report them.
 */
const REGISTRY = join(process.cwd(), '.tmp', 'e2e-process-groups');

export function trackProcessGroup(group: number): void {
  appendFileSync(REGISTRY, `+${group}\n`);
}

export function untrackProcessGroup(group: number): void {
  appendFileSync(REGISTRY, `-${group}\n`);
}

/** Groups started and not stopped, per the registry. */
export function openProcessGroups(): number[] {
  if (!existsSync(REGISTRY)) return [];
  const open = new Set<number>();
  for (const line of readFileSync(REGISTRY, 'utf8').split('\n')) {
    const group = Number(line.slice(1));
    if (!Number.isInteger(group) || group <= 0) continue;
    if (line.startsWith('+')) open.add(group);
    else open.delete(group);
  }
  return [...open];
}

export function resetProcessGroupRegistry(): void {
  rmSync(REGISTRY, { force: true });
}

export function isGroupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    // Signal 0 fails (ESRCH) when no process of the group is left.
    return false;
  }
}
