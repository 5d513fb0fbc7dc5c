import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import type { Logger } from '../logging';

/**
 * Every ffmpeg child the app runs, with their pids in a file in the data directory. A clean exit
 * kills them; after a crash the next start reads the file and kills what is left, so an orphaned
 * encoder never keeps pushing to a channel nobody controls any more.
 */
export class ChildRegistry {
  private readonly children = new Set<ChildProcess>();
  private readonly onExit = (): void => this.killAll();

  constructor(
    private readonly pidFile: string,
    private readonly log: Logger,
  ) {
    process.on('exit', this.onExit);
  }

  /** Kills children a crashed run left behind (only processes that still look like ffmpeg). */
  reapLeftovers(): number {
    let pids: number[] = [];
    try {
      pids = (JSON.parse(readFileSync(this.pidFile, 'utf8')) as unknown[]).filter(
        (pid): pid is number => Number.isInteger(pid) && (pid as number) > 1,
      );
    } catch {
      // No pid file (the last run ended cleanly) or an unreadable one: nothing to reap.
      return 0;
    }
    let killed = 0;
    for (const pid of pids) {
      if (!looksLikeFfmpeg(pid)) continue;
      try {
        process.kill(pid, 'SIGKILL');
        killed += 1;
      } catch {
        // Already gone.
      }
    }
    this.save();
    return killed;
  }

  add(child: ChildProcess): void {
    this.children.add(child);
    child.once('exit', () => {
      this.children.delete(child);
      this.save();
    });
    this.save();
  }

  killAll(): void {
    for (const child of this.children) child.kill('SIGKILL');
    this.children.clear();
    this.save();
  }

  close(): void {
    this.killAll();
    process.off('exit', this.onExit);
  }

  private save(): void {
    const pids = [...this.children].map((child) => child.pid).filter((pid): pid is number => pid !== undefined);
    try {
      if (pids.length === 0) unlinkSync(this.pidFile);
      else writeFileSync(this.pidFile, JSON.stringify(pids), { mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log.warn('Could not update the encoder pid file', error);
    }
  }
}

/** On Linux the command line tells; elsewhere trust the file (pids are recent and ours). */
function looksLikeFfmpeg(pid: number): boolean {
  if (process.platform !== 'linux') return true;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('ffmpeg');
  } catch {
    // The process is gone (or not ours to read): not an ffmpeg to kill.
    return false;
  }
}
