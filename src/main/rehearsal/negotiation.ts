/**
 * Offer/answer and ICE for one participant's werift connection. The client always offers; each
 * answer is where published sections are matched to tracks and waiting DownTracks get bound.
 */
import { SessionDescription } from '@livekit/protocol';
import { debugLog } from './debugLog';
import { log } from './log';
import type { Publications } from './publications';
import type { SignalMessage } from './signalConnection';
import type { Subscriptions } from './subscriptions';
import type { RtcTransport } from './transport';

export interface NegotiationDeps {
  identity: string;
  transport: RtcTransport;
  publications: Publications;
  subscriptions: Subscriptions;
  send(message: SignalMessage): void;
  isClosed(): boolean;
}

export class Negotiation {
  constructor(private readonly deps: NegotiationDeps) {}

  /** Answers a client offer (also the one carried in the JoinRequest). */
  answer(offer: SessionDescription): void {
    const { identity, transport, publications, subscriptions } = this.deps;
    debugLog(identity, 'offer', offer.id);
    transport
      .enqueue(async () => {
        if (this.deps.isClosed()) return;
        const sdp = await transport.answer(offer.sdp, () => {
          publications.reconcile();
          subscriptions.bindWaiting();
        });
        const midToTrackId = subscriptions.midToTrackId();
        debugLog(identity, 'answer', offer.id, midToTrackId);
        this.deps.send({ case: 'answer', value: new SessionDescription({ type: 'answer', sdp, id: offer.id, midToTrackId }) });
        if (subscriptions.hasWaiting) subscriptions.requestMediaSections();
      })
      .catch((err: unknown) => log.error(`negotiation with ${identity} failed:`, err));
  }

  /** Adds a trickled ICE candidate; a bad one is reported and the connection carries on. */
  addCandidate(candidateInit: string): void {
    this.deps.transport.addCandidate(candidateInit).catch((err: Error) => {
      log.warn(`bad ICE candidate from ${this.deps.identity}: ${err.message}`);
    });
  }
}
