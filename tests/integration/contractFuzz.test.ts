import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { CallContext } from '../../src/main/api/types';
import { studioMethods, type MethodName } from '../../src/shared/contract/studioApi';
import { ERROR_CODES } from '../../src/shared/result';
import { FakeRooms } from '../support/fakeRooms';
import { startTestApp, type TestApp } from '../support/testApp';

/**
 * Property: whatever params arrive, every method of the studio contract, called by either session
 * role through the real dispatcher, answers a coded error or a result its schema accepts; nothing
 * throws; and params the contract refuses change nothing in the database.
 */

const METHODS = Object.keys(studioMethods) as MethodName[];
const ROLES: CallContext[] = [
  { role: 'owner', actor: 'host' },
  { role: 'moderator', actor: 'moderator:fuzz' },
];
/** Runs per method and role: ~60 methods x 2 roles x this stays well under 20 s on a busy machine. */
const RUNS = 50;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ rooms: new FakeRooms() });
  // A live stream with a message, so stream-scoped methods reach their handlers' real checks.
  await t.app.streams.start({ title: 'Fuzzed', mode: 'screen_guests' });
  await t.app.dispatch('chat.send', { text: 'hello' }, ROLES[0]!);
});
afterAll(async () => t?.close());

/** Row counts of every table, in one query: cheap, and any insert or delete shows. */
let countAll: () => unknown;
function snapshot(): unknown {
  if (!countAll) {
    const tables = t.app.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[];
    const query = t.app.db.prepare(`SELECT ${tables.map(({ name }) => `(SELECT COUNT(*) FROM "${name}") AS "${name}"`).join(', ')}`);
    countAll = () => query.get();
  }
  return countAll();
}

/** The top-level keys a method's params object knows, to aim wrong values at real fields. */
function knownKeys(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

const hostile = fc.oneof(
  fc.anything(),
  fc.constantFrom(null, undefined, NaN, Infinity, -1, 2 ** 53, '', ' ', '\u0000', '../../etc/passwd', '<script>', [], {}),
  fc.constant('x'.repeat(70_000)),
  fc.constant({ __proto__: { polluted: true } }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
);

function paramsFor(method: MethodName): fc.Arbitrary<unknown> {
  const keys = knownKeys(studioMethods[method].params);
  const aimed = keys.length === 0 ? fc.dictionary(fc.string(), hostile) : fc.dictionary(fc.constantFrom(...keys), hostile, { minKeys: 1 });
  const extra = fc.tuple(aimed, fc.string({ minLength: 1 }), hostile).map(([base, key, value]) => ({ ...base, [`x${key}`]: value }));
  return fc.oneof(hostile, aimed, extra);
}

describe('the control contract under malformed params', () => {
  it.each(ROLES)(
    'every method answers a coded error or a valid result for a $role, and refused params change nothing',
    { timeout: 60_000 },
    async (ctx) => {
      let refused = 0;
      for (const method of METHODS) {
        const spec = studioMethods[method];
        await fc.assert(
          fc.asyncProperty(paramsFor(method), async (params) => {
            const malformed = !spec.params.safeParse(params ?? {}).success;
            const before = malformed ? snapshot() : null;
            let answer: Awaited<ReturnType<typeof t.app.dispatch>>;
            try {
              answer = await t.app.dispatch(method, params, ctx);
            } catch (error) {
              throw new Error(`${method} threw: ${String(error)}`);
            }
            if (answer.ok) {
              expect(malformed, `${method} accepted params its contract refuses`).toBe(false);
              expect(spec.result.safeParse(answer.value).success, `${method} answered outside its result schema`).toBe(true);
            } else {
              expect(ERROR_CODES).toContain(answer.error.code);
              expect(answer.error.message.length).toBeGreaterThan(0);
            }
            if (before) {
              refused += 1;
              const allowed = (spec.roles as readonly string[]).includes(ctx.role);
              expect(answer.ok ? null : answer.error.code).toBe(allowed ? 'bad_request' : 'forbidden');
              expect(snapshot(), `${method} changed the database on refused params`).toEqual(before);
            }
          }),
          { numRuns: RUNS, seed: 20_261_123 + method.length },
        );
      }
      // The property is about refused params: most generated calls must have been refused ones.
      expect(refused).toBeGreaterThan(METHODS.length * RUNS * 0.5);
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    },
  );
});
