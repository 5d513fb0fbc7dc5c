import type { PageStream } from '../../../shared/contract/pageEvents';
import type { ChannelState, PageEventsListeners, PushChannel } from '../api/pageEventsClient';

/** A push channel driven by hand in controller tests: connect it, push frames, drop it. */
export class FakeChannel implements PushChannel {
  state: ChannelState = 'down';
  stream: PageStream | null = null;
  started = 0;

  constructor(private readonly listeners: PageEventsListeners) {}

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
    this.listeners.stream?.(stream);
  }

  pushGuest(state: Parameters<NonNullable<PageEventsListeners['guest']>>[0]): void {
    this.listeners.guest?.(state);
  }

  drop(): void {
    this.stream = null;
    this.setState('down');
  }

  private setState(state: ChannelState): void {
    if (state === this.state) return;
    this.state = state;
    this.listeners.state?.(state);
  }
}
