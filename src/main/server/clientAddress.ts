import type { IncomingMessage } from 'node:http';
import { isIpAddress } from '../../shared/domain/settings';

/** One spelling per address: lower case, IPv4-mapped IPv6 (`::ffff:1.2.3.4`) as plain IPv4. */
export function normalizeAddress(raw: string): string {
  const bare = raw
    .trim()
    .replace(/^\[(.*)\]$/u, '$1')
    .toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/u.exec(bare);
  return mapped ? mapped[1]! : bare;
}

/**
 * The address a request comes from, the one key every rate limiter and per-address cap uses.
 * The socket peer is the answer unless the peer is a trusted proxy; then X-Forwarded-For is read
 * right to left and the first hop that is not itself a trusted proxy is the client. Hops left of
 * it were written by the client and prove nothing, so a forged header cannot pick the key.
 */
export function clientAddressOf(req: IncomingMessage, trusted: ReadonlySet<string>): string {
  const peer = normalizeAddress(req.socket.remoteAddress ?? 'unknown');
  if (!trusted.has(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map(normalizeAddress)
    .filter((hop) => hop !== '');
  let nearest = peer;
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = hops[index]!;
    // A trusted proxy wrote this hop, so it is at worst what that proxy saw; garbage is not an address.
    if (!isIpAddress(hop)) return nearest;
    if (!trusted.has(hop)) return hop;
    nearest = hop;
  }
  return nearest;
}

/** Reads the trusted list from the settings, re-read only when they change. */
export class ClientAddresses {
  private trusted: ReadonlySet<string>;

  constructor(
    private readonly source: () => readonly string[],
    onChange: (listener: () => void) => unknown,
  ) {
    this.trusted = this.read();
    onChange(() => {
      this.trusted = this.read();
    });
  }

  of(req: IncomingMessage): string {
    return clientAddressOf(req, this.trusted);
  }

  private read(): ReadonlySet<string> {
    return new Set(this.source().map(normalizeAddress));
  }
}

/** What routes and sockets receive: the client address of a request. */
export type ClientAddressOf = (req: IncomingMessage) => string;
