import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { TrustProxy } from '../../config/env';

/** The address a client connects from, as the rate limits see it (HTTP requests and WebSocket upgrades alike). */
export type ClientAddress = (req: IncomingMessage) => string;

const NAMED_RANGES: Record<string, [string, number][]> = {
  loopback: [
    ['127.0.0.0', 8],
    ['::1', 128],
  ],
  linklocal: [
    ['169.254.0.0', 16],
    ['fe80::', 10],
  ],
  uniquelocal: [
    ['10.0.0.0', 8],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
    ['fc00::', 7],
  ],
};

/** Dual-stack sockets report IPv4 peers as "::ffff:a.b.c.d"; rules and limits use the plain form. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1] : address;
}

function trustedList(entries: string[]): (address: string) => boolean {
  const list = new BlockList();
  const add = (address: string, prefix?: number) => {
    const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    list.addSubnet(address, prefix ?? (family === 'ipv4' ? 32 : 128), family);
  };
  for (const entry of entries) {
    const named = NAMED_RANGES[entry];
    if (named) named.forEach(([a, p]) => add(a, p));
    else {
      const [address, prefix] = entry.split('/');
      add(address, prefix === undefined ? undefined : Number(prefix));
    }
  }
  return (address) => {
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
}

/**
 * Resolves the client's address under the TRUST_PROXY rule. Proxies append the address they
 * received a request from to X-Forwarded-For, so the chain is read from the right: each trusted
 * hop vouches for the entry before it, and the first entry no trusted hop vouches for is the
 * client. Entries further left are whatever the client wrote and are never used.
 */
export function clientAddressResolver(trust: TrustProxy): ClientAddress {
  const isTrusted = Array.isArray(trust) ? trustedList(trust) : null;
  return (req) => {
    const peer = plain(req.socket.remoteAddress ?? '');
    if (trust === false) return peer;
    const header = req.headers['x-forwarded-for'];
    const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((a) => plain(a.trim()))
      .filter(Boolean);
    // Nearest first: the connecting peer, then the forwarded entries from right to left.
    const chain = [peer, ...forwarded.reverse()];
    let i = typeof trust === 'number' ? Math.min(trust, chain.length - 1) : 0;
    if (isTrusted) while (i < chain.length - 1 && isTrusted(chain[i])) i++;
    // A well-configured proxy writes an address here; anything else is kept short for keys and logs.
    return chain[i].slice(0, 64);
  };
}
