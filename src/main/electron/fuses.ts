import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

/**
 * The Electron fuses flipped in the packaged binary (`npm run fuses -- <electron binary>`, see
 * scripts/fuses.mjs). Fuses are baked into the executable, so they hold even against someone who
 * can set environment variables or pass flags to the installed app. Used at packaging only; the
 * running app never imports this. Every fuse is set explicitly (`strictlyRequireAllFuses`), so an
 * Electron upgrade that adds one fails packaging until it is decided here.
 */
export const AIRDECK_FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node interpreter.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS could preload arbitrary code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect would open a debugger on the main process, where the LiveKit secret lives.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Cookies (the co-moderator session cookie among them) encrypted at rest with the OS keychain.
  [FuseV1Options.EnableCookieEncryption]: true,
  // Only the packaged app.asar is loaded, and only if it matches the hash baked in at build.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // The studio is served from app://, so file:// needs none of its legacy extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Electron's defaults for the rest: no custom browser-process snapshot, WASM trap handlers on.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.WasmTrapHandlers]: true,
} as const satisfies FuseV1Config;
