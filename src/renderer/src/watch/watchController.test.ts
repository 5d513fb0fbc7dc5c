import { beforeEach, describe, expect, it } from 'vitest';
import { FakeChannel } from '../testSupport/fakeChannel';
import { ManualTimers, settle } from '../testSupport/manualTimers';
import { WatchController } from './watchController';
import { useWatch } from './watchStore';
import type { TokenAnswer } from '../pageKit/watchToken';

const LIVE = { status: 'live', title: 'Show', mode: 'screen_guests', startedAt: 1 } as const;

function setup() {
  const timers = new ManualTimers();
  const asked: number[] = [];
  const answers: TokenAnswer[] = [];
  let channel!: FakeChannel;
  const controller = new WatchController({
    timers,
    requestToken: async () => {
      asked.push(asked.length + 1);
      return answers.shift() ?? { kind: 'waiting' };
    },
    createChannel: () => (channel = new FakeChannel()),
  });
  return { timers, asked, answers, controller, channel: () => channel };
}

beforeEach(() => {
  useWatch.setState({ phase: { kind: 'checking' }, program: null, participants: [] });
});

describe('WatchController with the push channel', () => {
  it('waits without asking for a token while the channel is up, and asks the moment it says live', async () => {
    const { asked, controller, channel, timers } = setup();
    controller.start();
    channel().push({ status: 'waiting' });
    await settle();
    expect(useWatch.getState().phase).toEqual({ kind: 'waiting' });
    expect(asked).toEqual([]);
    expect(timers.delays).toEqual([]);

    channel().push(LIVE);
    await settle();
    expect(asked).toHaveLength(1);
  });

  it('falls back to asking, then polling with back-off, when the channel cannot connect; stops once it is up', async () => {
    const { asked, controller, channel, timers } = setup();
    controller.start();
    channel().drop();
    await settle();
    expect(asked).toHaveLength(1);
    expect(useWatch.getState().phase).toEqual({ kind: 'waiting' });
    const delays = await timers.fireInTurn(3, settle);
    expect(delays).toEqual([1_000, 2_000, 4_000]);
    expect(asked).toHaveLength(4);

    channel().push({ status: 'waiting' });
    expect(timers.delays).toEqual([]);
  });

  it('polls again only while a channel that was up is down', async () => {
    const { asked, controller, channel, timers } = setup();
    controller.start();
    channel().push({ status: 'waiting' });
    channel().drop();
    expect(timers.delays).toEqual([1_000]);
    timers.fire();
    await settle();
    expect(asked).toHaveLength(1);
    channel().push({ status: 'waiting' });
    expect(timers.delays).toEqual([]);
  });

  it('a push that the stream ended ends a page that was watching it', async () => {
    const { controller, channel } = setup();
    controller.start();
    channel().push(LIVE);
    await settle();
    useWatch.setState({ phase: { kind: 'live' } });
    channel().push({ status: 'ended' });
    expect(useWatch.getState().phase).toEqual({ kind: 'ended', reason: 'host_ended' });
  });

  it('a live push during a token request asks again when that answer says "waiting"', async () => {
    const { asked, controller, channel } = setup();
    controller.start();
    channel().drop(); // asks (answer still on its way)
    channel().push(LIVE);
    await settle();
    await settle();
    expect(asked).toHaveLength(2);
  });

  it('a channel that hangs while connecting does not leave the page checking: it asks after the first back-off step', async () => {
    const { asked, controller, timers } = setup();
    controller.start();
    expect(asked).toEqual([]);
    expect(timers.delays).toEqual([1_000]);
    timers.fire();
    await settle();
    expect(asked).toHaveLength(1);
    expect(useWatch.getState().phase).toEqual({ kind: 'waiting' });
  });
});
