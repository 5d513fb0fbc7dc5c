import { describe, expect, it } from 'vitest';
import { autoscroll, countNewer, initialAutoscroll, unseenLabel, type AutoscrollState } from './autoscroll';

describe('autoscroll', () => {
  it('follows new messages while at the bottom', () => {
    const state = autoscroll(initialAutoscroll, { type: 'appended', count: 3 });
    expect(state).toEqual({ following: true, unseen: 0 });
  });

  it('stops following when the reader scrolls up, then counts what arrives', () => {
    let state: AutoscrollState = autoscroll(initialAutoscroll, { type: 'scrolled', distance: 400, movedUp: true });
    expect(state).toEqual({ following: false, unseen: 0 });
    state = autoscroll(state, { type: 'appended', count: 2 });
    state = autoscroll(state, { type: 'appended', count: 5 });
    expect(state).toEqual({ following: false, unseen: 7 });
  });

  it('does not stop following when content grows below the viewport', () => {
    const state = autoscroll(initialAutoscroll, { type: 'scrolled', distance: 300, movedUp: false });
    expect(state.following).toBe(true);
  });

  it('resumes following when the reader scrolls back to the bottom or jumps', () => {
    const away: AutoscrollState = { following: false, unseen: 12 };
    expect(autoscroll(away, { type: 'scrolled', distance: 10, movedUp: false })).toEqual({ following: true, unseen: 0 });
    expect(autoscroll(away, { type: 'jumped' })).toEqual({ following: true, unseen: 0 });
    expect(autoscroll(away, { type: 'scrolled', distance: 200, movedUp: false })).toBe(away);
  });

  it('counts messages newer than the last seen seq', () => {
    const list = [{ seq: 1 }, { seq: 2 }, { seq: 5 }, { seq: 9 }];
    expect(countNewer(list, 2)).toBe(2);
    expect(countNewer(list, 9)).toBe(0);
    expect(countNewer([], 0)).toBe(0);
  });

  it('labels the jump button', () => {
    expect(unseenLabel(0)).toBe('Jump to newest');
    expect(unseenLabel(1)).toBe('1 new message');
    expect(unseenLabel(42)).toBe('42 new messages');
    expect(unseenLabel(5000)).toBe('999+ new messages');
  });
});
