import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { AIRDECK_FUSES } from './fuses';

describe('the fuses flipped at packaging', () => {
  it('turn off every way to run the binary as something else, and lock the app to its asar', () => {
    expect(AIRDECK_FUSES.version).toBe(FuseVersion.V1);
    expect(AIRDECK_FUSES[FuseV1Options.RunAsNode]).toBe(false);
    expect(AIRDECK_FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(AIRDECK_FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(AIRDECK_FUSES[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(AIRDECK_FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(AIRDECK_FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(AIRDECK_FUSES[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('decide every fuse the library knows, so a new one cannot be missed', () => {
    expect(AIRDECK_FUSES.strictlyRequireAllFuses).toBe(true);
    const known = Object.values(FuseV1Options).filter((value): value is number => typeof value === 'number');
    for (const fuse of known) expect(typeof (AIRDECK_FUSES as Record<number, unknown>)[fuse], FuseV1Options[fuse]).toBe('boolean');
  });
});
