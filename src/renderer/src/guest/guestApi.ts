import { z } from 'zod';
import { postPublicRoute as postGuestRoute, type ApiAnswer, type FetchLike } from '../pageKit/publicRoute';
import {
  GUEST_CHECK_PATH,
  GUEST_REDEEM_PATH,
  GUEST_REQUEST_PATH,
  GUEST_SESSION_PATH,
  GUEST_WITHDRAW_PATH,
  GuestCheckResponseSchema,
  GuestRedeemResponseSchema,
  GuestSessionResponseSchema,
  type GuestCheckResponse,
  type GuestRedeemResponse,
  type GuestSessionResponse,
} from '../../../shared/contract/httpRoutes';

export { UNREACHABLE, type ApiAnswer, type FetchLike } from '../pageKit/publicRoute';

const RedeemAnswerSchema = GuestRedeemResponseSchema;

/** The five guest routes, bound to one fetch. */
export interface GuestApi {
  check(code: string): Promise<ApiAnswer<GuestCheckResponse>>;
  redeem(code: string, name: string): Promise<ApiAnswer<GuestRedeemResponse>>;
  session(guestToken: string): Promise<ApiAnswer<GuestSessionResponse>>;
  request(guestToken: string, devices: { camera: boolean; microphone: boolean }): Promise<ApiAnswer<unknown>>;
  withdraw(guestToken: string): Promise<ApiAnswer<unknown>>;
}

/** The guest routes of the embedded server (same origin as the page). */
export function createGuestApi(fetchImpl: FetchLike = (input, init) => fetch(input, init)): GuestApi {
  // request and withdraw answer with whatever the server finds useful; the page re-reads the
  // session right after, so their value is not interpreted here.
  const anything = z.unknown();
  return {
    check: (code) => postGuestRoute(GUEST_CHECK_PATH, { code }, GuestCheckResponseSchema, fetchImpl),
    redeem: (code, name) => postGuestRoute(GUEST_REDEEM_PATH, { code, name }, RedeemAnswerSchema, fetchImpl),
    session: (guestToken) => postGuestRoute(GUEST_SESSION_PATH, { guestToken }, GuestSessionResponseSchema, fetchImpl),
    request: (guestToken, devices) => postGuestRoute(GUEST_REQUEST_PATH, { guestToken, devices }, anything, fetchImpl),
    withdraw: (guestToken) => postGuestRoute(GUEST_WITHDRAW_PATH, { guestToken }, anything, fetchImpl),
  };
}
