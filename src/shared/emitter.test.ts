import { describe, expect, it } from 'vitest';
import { Emitter } from './emitter';

interface Events {
  message: { text: string };
  closed: void;
}

describe('Emitter', () => {
  it('delivers a payload to each listener of that event only', () => {
    const emitter = new Emitter<Events>();
    const texts: string[] = [];
    let closed = 0;
    emitter.on('message', ({ text }) => texts.push(text));
    emitter.on('closed', () => closed++);
    emitter.emit('message', { text: 'hi' });
    expect(texts).toEqual(['hi']);
    expect(closed).toBe(0);
    emitter.emit('closed');
    expect(closed).toBe(1);
  });

  it('stops delivering after unsubscribe, and lets a listener unsubscribe during delivery', () => {
    const emitter = new Emitter<Events>();
    const calls: string[] = [];
    const offFirst = emitter.on('closed', () => {
      calls.push('first');
      offFirst();
    });
    emitter.on('closed', () => calls.push('second'));
    emitter.emit('closed');
    emitter.emit('closed');
    expect(calls).toEqual(['first', 'second', 'second']);
    expect(emitter.listenerCount('closed')).toBe(1);
  });

  it('once delivers one event; onAny sees every event with its name; clear drops all', () => {
    const emitter = new Emitter<Events>();
    const seen: string[] = [];
    emitter.once('message', ({ text }) => seen.push(`once:${text}`));
    emitter.onAny((event) => seen.push(`any:${String(event)}`));
    emitter.emit('message', { text: 'a' });
    emitter.emit('message', { text: 'b' });
    emitter.clear();
    emitter.emit('closed');
    expect(seen).toEqual(['once:a', 'any:message', 'any:message']);
  });

  it('delivers an event only to those subscribed when it was emitted, one listener or several', () => {
    const emitter = new Emitter<Events>();
    const calls: string[] = [];
    emitter.on('closed', () => {
      calls.push('lone');
      emitter.on('closed', () => calls.push('added by lone'));
    });
    emitter.emit('closed');
    expect(calls).toEqual(['lone']);

    const several = new Emitter<Events>();
    const seen: string[] = [];
    several.on('closed', () => seen.push('a'));
    several.on('closed', () => {
      seen.push('b');
      several.on('closed', () => seen.push('added by b'));
    });
    several.emit('closed');
    expect(seen).toEqual(['a', 'b']);
  });

  it('forgets an event once its last listener leaves', () => {
    const emitter = new Emitter<Events>();
    const off = emitter.on('closed', () => undefined);
    off();
    expect(emitter.listenerCount('closed')).toBe(0);
    const texts: string[] = [];
    emitter.on('message', ({ text }) => texts.push(text));
    emitter.emit('closed');
    emitter.emit('message', { text: 'still delivered' });
    expect(texts).toEqual(['still delivered']);
  });
});
