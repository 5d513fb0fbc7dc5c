/**
 * Webhook delivery in livekit-server's format: protojson WebhookEvent body, `Authorization`
 * header carrying a JWT (no `Bearer ` prefix) whose `sha256` claim is the body hash, so
 * livekit-server-sdk's WebhookReceiver can verify it.
 */
import { type ParticipantInfo, type Room as RoomProto, type TrackInfo, WebhookEvent } from '@livekit/protocol';
import type { Emitter } from '../../shared/emitter';
import { newId } from './ids';
import { WEBHOOK_TIMEOUT_MS, WEBHOOK_TOKEN_TTL_SEC } from './limits';
import { log } from './log';
import { sha256Base64, signToken } from './tokens';

export type WebhookEventName =
  | 'room_started'
  | 'room_finished'
  | 'participant_joined'
  | 'participant_left'
  | 'participant_connection_aborted'
  | 'track_published'
  | 'track_unpublished';

export interface WebhookFields {
  room?: RoomProto;
  participant?: ParticipantInfo;
  track?: TrackInfo;
}

/** The events rooms emit that livekit-server reports as webhooks. */
export type WebhookEvents = { [E in WebhookEventName]: WebhookFields };

export class WebhookNotifier {
  /** Deliveries still in flight (awaited on shutdown so no event is lost). */
  private readonly inflight = new Set<Promise<void>>();
  /** Events are posted strictly in order, one after the other, like livekit-server's queue. */
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly urls: readonly string[],
    private readonly apiKey: string,
    private readonly apiSecret: string,
  ) {}

  /** Posts every webhook event `source` emits. */
  listenTo(source: Emitter<WebhookEvents>): void {
    // Every event of the map is a webhook, each carrying WebhookFields.
    source.onAny((event, fields) => this.emit(event, fields as WebhookFields));
  }

  emit(event: WebhookEventName, fields: WebhookFields): void {
    if (this.urls.length === 0) return;
    const body = new WebhookEvent({
      event,
      ...fields,
      id: newId('EV_'),
      createdAt: BigInt(Math.floor(Date.now() / 1000)),
    }).toJsonString();
    const token = signToken({ sha256: sha256Base64(body) }, this.apiKey, this.apiSecret, WEBHOOK_TOKEN_TTL_SEC);
    const job = this.chain.then(() => this.post(body, token));
    this.chain = job;
    this.inflight.add(job);
    void job.finally(() => this.inflight.delete(job));
  }

  private async post(body: string, token: string): Promise<void> {
    await Promise.all(
      this.urls.map(async (url) => {
        try {
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'Content-Type': 'application/webhook+json', Authorization: token, 'User-Agent': 'LiveKit' },
            body,
            signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
          });
          // The body is read only to free the connection; what the receiver answers does not matter.
          await res.arrayBuffer().catch(() => undefined);
        } catch (err) {
          log.warn(`webhook to ${url} failed: ${(err as Error).message}`);
        }
      }),
    );
  }

  /** Resolves when every queued event has been posted (or failed). */
  async flush(): Promise<void> {
    await Promise.all([...this.inflight]);
  }
}
