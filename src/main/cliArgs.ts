import { z } from 'zod';
import { describeZodError } from '../shared/zodIssues';

const HeadlessArgsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).optional(),
  bind: z.string().min(1).optional(),
  dataDir: z.string().min(1).optional(),
});
export type HeadlessArgs = z.infer<typeof HeadlessArgsSchema>;

/** Parses `--port 7777 --bind 0.0.0.0 --data-dir ./data` (also `--port=7777`). */
export function parseHeadlessArgs(argv: readonly string[]): HeadlessArgs {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument: ${arg}`);
    const [flag, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${flag} needs a value`);
    const key = { port: 'port', bind: 'bind', 'data-dir': 'dataDir' }[flag];
    if (!key) throw new Error(`Unknown option --${flag}. Options: --port, --bind, --data-dir`);
    raw[key] = value;
  }
  const parsed = HeadlessArgsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(describeZodError(parsed.error));
  return parsed.data;
}
