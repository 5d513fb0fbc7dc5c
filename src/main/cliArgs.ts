import { z } from 'zod';
import { describeZodError } from '../shared/zodIssues';

const HeadlessArgsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).optional(),
  bind: z.string().min(1).optional(),
  dataDir: z.string().min(1).optional(),
  /** Never start the local rehearsal server, even with the default LiveKit settings. */
  localLivekit: z.boolean().default(true),
});
export type HeadlessArgs = z.infer<typeof HeadlessArgsSchema>;

const VALUE_FLAGS: Record<string, 'port' | 'bind' | 'dataDir'> = { port: 'port', bind: 'bind', 'data-dir': 'dataDir' };
const USAGE = 'Options: --port N, --bind ADDRESS, --data-dir DIR, --no-local-livekit';

/** Parses `--port 7777 --bind 0.0.0.0 --data-dir ./data --no-local-livekit` (also `--port=7777`). */
export function parseHeadlessArgs(argv: readonly string[]): HeadlessArgs {
  const raw: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument: ${arg}. ${USAGE}`);
    const [flag, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (flag === 'no-local-livekit' && inline === undefined) {
      raw.localLivekit = false;
      continue;
    }
    const key = VALUE_FLAGS[flag];
    if (!key) throw new Error(`Unknown option --${flag}. ${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${flag} needs a value`);
    raw[key] = value;
  }
  const parsed = HeadlessArgsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(describeZodError(parsed.error));
  return parsed.data;
}
