import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isIpAddress } from '../../shared/domain/settings';
import { clientAddressOf, normalizeAddress } from './clientAddress';

function request(peer: string, forwardedFor?: string | string[]): IncomingMessage {
  return {
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  } as unknown as IncomingMessage;
}

const proxies = new Set(['10.0.0.1', '10.0.0.2', '::1']);

describe('client address', () => {
  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(clientAddressOf(request('198.51.100.7', '203.0.113.1'), proxies)).toBe('198.51.100.7');
    expect(clientAddressOf(request('198.51.100.7', '203.0.113.1'), new Set())).toBe('198.51.100.7');
  });

  it('behind trusted proxies takes the rightmost hop that is not a proxy, whatever the client prepended', () => {
    expect(clientAddressOf(request('10.0.0.1', '203.0.113.1'), proxies)).toBe('203.0.113.1');
    expect(clientAddressOf(request('10.0.0.1', 'spoofed, 1.1.1.1, 203.0.113.1, 10.0.0.2'), proxies)).toBe('203.0.113.1');
    expect(clientAddressOf(request('10.0.0.1', ['1.1.1.1', '203.0.113.1']), proxies)).toBe('203.0.113.1');
  });

  it('falls back to the nearest proxy when the header is missing, all proxies, or garbage', () => {
    expect(clientAddressOf(request('10.0.0.1'), proxies)).toBe('10.0.0.1');
    expect(clientAddressOf(request('10.0.0.1', '10.0.0.2'), proxies)).toBe('10.0.0.2');
    expect(clientAddressOf(request('10.0.0.1', '203.0.113.1, <script>'), proxies)).toBe('10.0.0.1');
  });

  it('treats IPv4-mapped IPv6 peers as their IPv4 address', () => {
    expect(normalizeAddress('::FFFF:10.0.0.1')).toBe('10.0.0.1');
    expect(clientAddressOf(request('::ffff:10.0.0.1', '203.0.113.1'), proxies)).toBe('203.0.113.1');
    expect(clientAddressOf(request('::1', '2001:db8::5'), proxies)).toBe('2001:db8::5');
  });

  it('accepts IP addresses and nothing else as trusted proxies', () => {
    for (const good of ['127.0.0.1', '::1', '::', '2001:db8::1', 'fe80:0:0:0:0:0:0:1', '::ffff:10.0.0.1'])
      expect(isIpAddress(good), good).toBe(true);
    for (const bad of ['localhost', '10.0.0', '256.1.1.1', '1::2::3', '2001:db8:::1', '1:2:3:4:5:6:7:8:9', '10.0.0.1/8', ''])
      expect(isIpAddress(bad), bad).toBe(false);
  });
});
