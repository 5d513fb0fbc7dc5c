import { z } from 'zod';

/** Defaults match `livekit-server --dev` and the bundled dev server, so a first run just works. */
export const DEFAULT_LIVEKIT_URL = 'ws://127.0.0.1:7880';
export const DEFAULT_LIVEKIT_API_KEY = 'devkey';
export const DEFAULT_LIVEKIT_API_SECRET = 'secret';
export const DEFAULT_BIND_ADDRESS = '127.0.0.1';
export const DEFAULT_SERVER_PORT = 7777;

const livekitUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => /^(wss?|https?):\/\/[^\s/]+/.test(value), {
    message: 'Must start with ws://, wss://, http:// or https:// followed by a host',
  });

const ipv4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const bindAddress = z
  .string()
  .trim()
  .refine((value) => ipv4.test(value) || value === '::' || value === '::1', {
    message: 'Must be an IPv4 address such as 127.0.0.1 (loopback) or 0.0.0.0 (all interfaces)',
  });

const publicBaseUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => value === '' || /^https?:\/\/[^\s/]+/.test(value), {
    message: 'Must be empty or an http(s) URL such as https://studio.example.com',
  });

/** An IPv4 or IPv6 address, as a proxy's peer address appears on a socket (no port, no brackets). */
export function isIpAddress(value: string): boolean {
  if (ipv4.test(value)) return true;
  if (!/^[0-9a-f:.]+$/iu.test(value) || !value.includes(':')) return false;
  // An IPv4 tail (::ffff:10.0.0.1) counts as two groups.
  const lastColon = value.lastIndexOf(':');
  const tail = value.slice(lastColon + 1);
  const hasV4Tail = tail.includes('.');
  if (hasV4Tail && !ipv4.test(tail)) return false;
  const head = hasV4Tail ? `${value.slice(0, lastColon)}:0:0` : value;
  const halves = head.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/iu.test(group))) return false;
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8;
}

/**
 * Reverse proxies (a tunnel agent, nginx) whose X-Forwarded-For we believe. Empty by default: a
 * header from anyone else is ignored, or any client could pick the address it is limited by.
 */
const trustedProxies = z
  .array(z.string().trim().max(64).refine(isIpAddress, { message: 'Each trusted proxy must be an IP address such as 127.0.0.1 or ::1' }))
  .max(32, 'At most 32 trusted proxies');

export const LivekitSettingsSchema = z.object({
  url: livekitUrl,
  apiKey: z.string().trim().min(1, 'API key is required').max(256),
});

export const ServerSettingsSchema = z.object({
  bindAddress,
  port: z.number().int().min(0).max(65535),
  /** Base of the links handed to guests and viewers (a tunnel or LAN address); empty = the local address. */
  publicBaseUrl,
  trustedProxies,
});

export const StudioSettingsSchema = z.object({
  /** Record the program to the data directory while live. */
  recordLocally: z.boolean(),
  /** Viewers may raise a hand on the watch page to ask to come on stage. */
  raisedHands: z.boolean(),
  /**
   * Single-key moderation shortcuts (j k a r d t b and ?). They only act while the queue has
   * focus; this turns them off altogether for speech-input users, whose dictated words would
   * otherwise fire them (WCAG 2.2 SC 2.1.4).
   */
  queueShortcuts: z.boolean(),
});

export const SettingsSchema = z.object({
  livekit: LivekitSettingsSchema,
  server: ServerSettingsSchema,
  studio: StudioSettingsSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Where the LiveKit API secret came from; the secret itself never leaves the main process. */
export const SecretSourceSchema = z.enum(['default', 'environment', 'stored']);
export type SecretSource = z.infer<typeof SecretSourceSchema>;

/**
 * Which LiveKit server the studio talks to. `rehearsal`: the app's own local server, run because
 * the settings hold the defaults and nothing else listened there; `external`: the defaults, but
 * another server (e.g. `livekit-server --dev`) already answers there; `configured`: the settings.
 */
export const LivekitServerStatusSchema = z.object({
  mode: z.enum(['rehearsal', 'external', 'configured']),
  state: z.enum(['starting', 'running', 'failed']),
  url: z.string(),
  /** One sentence for the studio, e.g. "Local rehearsal server — viewers on this machine or your network". */
  message: z.string(),
});
export type LivekitServerStatus = z.infer<typeof LivekitServerStatusSchema>;

/** What a UI may read: settings plus facts about the secret, never the secret. */
export const SettingsViewSchema = z.object({
  livekit: LivekitSettingsSchema.extend({ hasSecret: z.boolean(), secretSource: SecretSourceSchema }),
  livekitServer: LivekitServerStatusSchema,
  server: ServerSettingsSchema,
  studio: StudioSettingsSchema,
  /** Fixed at start (`--data-dir` or AIRDECK_DATA_DIR); shown so the creator knows where history lives. */
  dataDir: z.string(),
});
export type SettingsView = z.infer<typeof SettingsViewSchema>;

/** A partial update. `apiSecret` is write-only: it can be set, never read back. */
export const SettingsUpdateSchema = z
  .object({
    livekit: LivekitSettingsSchema.partial()
      .extend({ apiSecret: z.string().min(1, 'API secret cannot be empty').max(512).optional() })
      .strict()
      .optional(),
    server: ServerSettingsSchema.partial().strict().optional(),
    studio: StudioSettingsSchema.partial().strict().optional(),
  })
  .strict();
export type SettingsUpdate = z.infer<typeof SettingsUpdateSchema>;

export const DEFAULT_SETTINGS: Settings = {
  livekit: { url: DEFAULT_LIVEKIT_URL, apiKey: DEFAULT_LIVEKIT_API_KEY },
  server: { bindAddress: DEFAULT_BIND_ADDRESS, port: DEFAULT_SERVER_PORT, publicBaseUrl: '', trustedProxies: [] },
  studio: { recordLocally: true, raisedHands: true, queueShortcuts: true },
};

/** Result of "Test connection": three outcomes a person can act on differently. */
export const ConnectionTestSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), message: z.string(), roomCount: z.number().int() }),
  z.object({ status: z.literal('unreachable'), message: z.string() }),
  z.object({ status: z.literal('unauthorized'), message: z.string() }),
  z.object({ status: z.literal('error'), message: z.string() }),
]);
export type ConnectionTest = z.infer<typeof ConnectionTestSchema>;
