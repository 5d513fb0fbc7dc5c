import { AddTrackRequest, LeaveRequest, RequestResponse_Reason, SignalRequest, TrackType } from '@livekit/protocol';
import { describe, expect, it } from 'vitest';
import { dispatchSignalRequest, notAllowed } from './signalRequests';

describe('signal request dispatch', () => {
  it('hands each request to the handler of its kind and ignores kinds without one', () => {
    const seen: string[] = [];
    const handlers = {
      addTrack: (req: AddTrackRequest) => seen.push(`addTrack:${req.cid}`),
      leave: () => seen.push('leave'),
    };
    dispatchSignalRequest(
      new SignalRequest({ message: { case: 'addTrack', value: new AddTrackRequest({ cid: 'c1', type: TrackType.VIDEO }) } }).message,
      handlers,
    );
    dispatchSignalRequest(new SignalRequest({ message: { case: 'leave', value: new LeaveRequest() } }).message, handlers);
    dispatchSignalRequest(new SignalRequest({ message: { case: 'ping', value: 1n } }).message, handlers);
    dispatchSignalRequest(new SignalRequest().message, handlers);
    expect(seen).toEqual(['addTrack:c1', 'leave']);
  });

  it('refuses with NOT_ALLOWED, echoing the request and its id', () => {
    const refusal = notAllowed({ case: 'addTrack', value: new AddTrackRequest({ cid: 'c2' }) }, 'no', 7);
    expect(refusal.case).toBe('requestResponse');
    expect(refusal.value).toMatchObject({
      requestId: 7,
      reason: RequestResponse_Reason.NOT_ALLOWED,
      message: 'no',
      request: { case: 'addTrack' },
    });
  });
});
