import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { findRendererDir, RendererNotBuiltError } from './rendererDir';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A main entry at <root>/main/headless.js, as the bundle (out/main) or the sources (src/main) have it. */
function layout(renderer: 'built' | 'sources' | 'missing'): string {
  root = mkdtempSync(join(tmpdir(), 'airdeck-renderer-'));
  mkdirSync(join(root, 'main'));
  if (renderer !== 'missing') {
    mkdirSync(join(root, 'renderer'));
    // The Vite source page: what `src/renderer/index.html` is, and what rendered blank before.
    writeFileSync(join(root, 'renderer', 'index.html'), '<script type="module" src="/src/main.tsx"></script>');
  }
  if (renderer === 'built') {
    mkdirSync(join(root, 'renderer', '.vite'));
    writeFileSync(join(root, 'renderer', '.vite', 'manifest.json'), '{}');
  }
  return pathToFileURL(join(root, 'main', 'headless.js')).href;
}

describe('findRendererDir', () => {
  it('finds the built pages next to the bundled main', () => {
    expect(findRendererDir(layout('built'))).toBe(join(root, 'renderer'));
  });

  it('refuses the Vite source pages (no build manifest) with a message that says what to run', () => {
    expect(() => findRendererDir(layout('sources'))).toThrow(RendererNotBuiltError);
    expect(() => findRendererDir(layout('sources'))).toThrow(/npm run build/);
  });

  it('refuses when nothing is built at all', () => {
    expect(() => findRendererDir(layout('missing'))).toThrow(RendererNotBuiltError);
  });
});
