import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('layering rules', () => {
  it('src/shared may not import Node built-ins', async () => {
    expect(await ruleIdsFor('src/shared/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIdsFor('src/shared/probe.ts', "import { join } from 'path';\nexport const x = join;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('src/shared may not import electron, React or DOM globals', async () => {
    expect(await ruleIdsFor('src/shared/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIdsFor('src/shared/probe.ts', "import { useState } from 'react';\nexport const x = useState;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIdsFor('src/shared/probe.ts', 'export const x = () => window.location;\n')).toContain('no-restricted-globals');
  });

  it('only the Electron folder, main/index.ts and the preload import electron', async () => {
    const code = "import { app } from 'electron';\nexport const x = app;\n";
    expect(await ruleIdsFor('src/main/db/probe.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/renderer/src/probe.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/main/electron/probe.ts', code)).not.toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/main/index.ts', code)).not.toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/preload/probe.ts', code)).not.toContain('no-restricted-imports');
  });

  it('only src/renderer/src/livekit imports livekit-client', async () => {
    const code = "import { Room } from 'livekit-client';\nexport const x = Room;\n";
    expect(await ruleIdsFor('src/renderer/src/features/probe.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/main/probe.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/renderer/src/livekit/probe.ts', code)).not.toContain('no-restricted-imports');
  });

  it('the renderer may not reach into main', async () => {
    expect(
      await ruleIdsFor('src/renderer/src/probe.ts', "import { startApp } from '../../main/app';\nexport const x = startApp;\n"),
    ).toContain('no-restricted-imports');
  });
});
