/** Routing of a participant's signal requests to their handlers, and the refusal they may get. */
import { RequestResponse, RequestResponse_Reason, type SignalRequest } from '@livekit/protocol';
import type { SignalMessage } from './signalConnection';

type RequestMessage = SignalRequest['message'];
type RequestCase = NonNullable<RequestMessage['case']>;
type RequestValue<C extends RequestCase> = Extract<RequestMessage, { case: C }>['value'];

/** A handler per request kind the server acts on; kinds without one are accepted and ignored. */
export type SignalRequestHandlers = { [C in RequestCase]?: (value: RequestValue<C>) => void };

export function dispatchSignalRequest(message: RequestMessage, handlers: SignalRequestHandlers): void {
  if (message.case === undefined) return;
  // Each handler is keyed by the case whose value it takes, which TypeScript cannot correlate here.
  const handler = handlers[message.case] as ((value: unknown) => void) | undefined;
  handler?.(message.value);
}

/** The answer to a request the participant's permissions do not allow. */
export function notAllowed(request: RequestResponse['request'], message: string, requestId = 0): SignalMessage {
  return {
    case: 'requestResponse',
    value: new RequestResponse({ requestId, reason: RequestResponse_Reason.NOT_ALLOWED, message, request }),
  };
}
