import type { PageStream } from '../../../shared/contract/pageEvents';
import type { GuestState } from '../../../shared/domain/stage';
import { Emitter } from '../../../shared/emitter';
import type { ChannelState, OnPageEvent, PageEvents, PushChannel } from '../api/pageEventsClient';

/** A push channel driven by hand in controller tests: connect it, push frames, drop it. */
export class FakeChannel implements PushChannel {
  state: ChannelState = 'down';
  stream: PageStream | null = null;
  started = 0;

  private readonly events = new Emitter<PageEvents>();
  readonly on: OnPageEvent = (event, listener) => this.events.on(event, listener);

  start(): void {
    this.started++;
    this.setState('connecting');
  }

  stop(): void {
    this.stream = null;
    this.setState('down');
  }

  /** The server's first frame (the channel is up from here) or a later push. */
  push(stream: PageStream): void {
    this.stream = stream;
    this.setState('up');
    this.events.emit('stream', stream);
  }

  pushGuest(state: GuestState): void {
    this.events.emit('guest', state);
  }

  drop(): void {
    this.stream = null;
    this.setState('down');
  }

  private setState(state: ChannelState): void {
    if (state === this.state) return;
    this.state = state;
    this.events.emit('state', state);
  }
}
