import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appFileFor, externalUrl, isOwnUrl, mayGrantPermission, mayNavigate, permissionCheckPasses } from './policy';

const dev = { devServerUrl: 'http://localhost:5173' };

describe('our own origin, compared parsed', () => {
  it('is app://studio, whatever the path', () => {
    expect(isOwnUrl('app://studio/index.html')).toBe(true);
    expect(isOwnUrl('app://studio/watch.html?x=1#y')).toBe(true);
    expect(isOwnUrl('app://studio')).toBe(true);
  });

  it('refuses look-alikes a prefix or regex check would let through', () => {
    for (const url of [
      'app://studio.evil.test/index.html',
      'app://studio@evil.test/',
      'app://studiox/',
      'app://other/index.html',
      'file:///opt/airdeck/out/renderer/index.html',
      'https://studio/',
      'javascript:alert(1)//app://studio/',
      'not a url',
      '',
    ]) {
      expect(isOwnUrl(url), url).toBe(false);
    }
  });

  it('takes the dev server by exact scheme and host only when one is configured', () => {
    expect(isOwnUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isOwnUrl('http://localhost:5173/index.html')).toBe(false);
    expect(isOwnUrl('http://localhost:5173.evil.test/', dev)).toBe(false);
    expect(isOwnUrl('http://localhost:51730/', dev)).toBe(false);
    expect(isOwnUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isOwnUrl('app://studio/', { devServerUrl: 'file:///tmp' })).toBe(true);
    expect(isOwnUrl('file:///tmp/x', { devServerUrl: 'file:///tmp' })).toBe(false);
  });

  it('navigation stays on it', () => {
    expect(mayNavigate('app://studio/guest.html')).toBe(true);
    expect(mayNavigate('https://example.com/')).toBe(false);
    expect(mayNavigate('app://studio.example.com/')).toBe(false);
  });
});

describe('links opened outside', () => {
  it('only http and https, parsed and re-serialised', () => {
    expect(externalUrl('https://livekit.io/docs')).toBe('https://livekit.io/docs');
    expect(externalUrl('HTTP://Example.COM')).toBe('http://example.com/');
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-msdt:/id',
      'app://studio/',
      'https://user:pw@example.com/',
      ' https',
      '',
    ]) {
      expect(externalUrl(url), url).toBeNull();
    }
  });
});

describe('permissions', () => {
  it('camera, microphone, screen and clipboard write only for our pages', () => {
    expect(mayGrantPermission('media', 'app://studio/index.html')).toBe(true);
    expect(mayGrantPermission('display-capture', 'app://studio/index.html')).toBe(true);
    expect(mayGrantPermission('media', 'https://evil.test/')).toBe(false);
    expect(mayGrantPermission('media', 'app://studio.evil.test/')).toBe(false);
    expect(mayGrantPermission('geolocation', 'app://studio/index.html')).toBe(false);
    expect(mayGrantPermission('media', 'http://localhost:5173/', dev)).toBe(true);
    expect(permissionCheckPasses('media', 'app://studio')).toBe(true);
    expect(permissionCheckPasses('media', 'file://')).toBe(false);
    expect(permissionCheckPasses('notifications', 'app://studio')).toBe(false);
  });
});

describe('files served on app://', () => {
  const dir = resolve('/opt/airdeck/out/renderer');

  it('maps paths into the renderer directory, / to the studio page', () => {
    expect(appFileFor('app://studio/', dir)).toBe(join(dir, 'index.html'));
    expect(appFileFor('app://studio/assets/index-abc.js?v=1', dir)).toBe(join(dir, 'assets', 'index-abc.js'));
    expect(appFileFor('app://studio/watch%20page.html', dir)).toBe(join(dir, 'watch page.html'));
    // The URL parser already clamps a literal `..` at the root: it stays inside.
    expect(appFileFor('app://studio/../secret.txt', dir)).toBe(join(dir, 'secret.txt'));
  });

  it('refuses traversal, other hosts and malformed requests', () => {
    for (const url of [
      'app://studio/%2e%2e%2fsecret.txt',
      'app://studio/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://studio/..%5csecret.txt',
      'app://studio/%00.html',
      'app://studio/%E0%A4%A',
      'app://other/index.html',
      'file:///opt/airdeck/out/renderer/index.html',
    ]) {
      expect(appFileFor(url, dir), url).toBeNull();
    }
  });
});
