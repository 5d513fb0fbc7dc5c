import type { DestinationPreset, DestinationState } from '../../../../shared/domain/multistream';

export const PRESET_LABEL: Record<DestinationPreset, string> = { youtube: 'YouTube', twitch: 'Twitch', custom: 'Custom RTMP(S)' };

export const STATE_LABEL: Record<DestinationState, string> = {
  off: 'Off',
  waiting: 'Starts with the stream',
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  failed: 'Failed',
};

export function formatKbps(kbps: number): string {
  return kbps >= 1000 ? `${(kbps / 1000).toFixed(1)} Mbps` : `${Math.round(kbps)} kbps`;
}
