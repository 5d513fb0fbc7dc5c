/**
 * Studio API methods and events for chat and moderation. Spread into `studioMethods` and
 * `studioEvents`; kept in its own file so each feature owns its part of the contract.
 */
export const chatMethods = {} as const;

export const chatEvents = {} as const;
