import type { LaunchOptions } from '@playwright/test';

/** Debian's Chromium; Playwright never downloads a browser on these machines. */
export const CHROMIUM_PATH = process.env.AIRDECK_CHROMIUM ?? '/usr/bin/chromium';

/** Flags every browser test uses: fake media devices, no background traffic, loopback WebRTC. */
export const CHROMIUM_ARGS = [
  '--use-fake-device-for-media-stream=fps=30',
  '--use-fake-ui-for-media-stream',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
];

export function chromiumLaunchOptions(extraArgs: string[] = []): LaunchOptions {
  return { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] };
}
