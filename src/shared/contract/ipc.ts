/** Channel names for the Electron transport of the studio API. */
export const IPC_INVOKE_CHANNEL = 'airdeck:invoke';
export const IPC_EVENT_CHANNEL = 'airdeck:event';
