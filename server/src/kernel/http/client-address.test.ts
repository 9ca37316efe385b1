import type { IncomingMessage } from 'node:http';
import { loadConfig } from '../../config/env';
import { clientAddressResolver } from './client-address';

// The rule both transports use (the endpoint tests in kernel/auth/login-limits.test.ts drive it
// through HTTP and graphql-ws); here its corner cases, straight from TRUST_PROXY as configured.
const request = (peer: string, forwardedFor?: string | string[]) =>
  ({ socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;
const resolve = (trustProxy: string | undefined, peer: string, forwardedFor?: string | string[]) =>
  clientAddressResolver(loadConfig(trustProxy === undefined ? {} : { TRUST_PROXY: trustProxy }).TRUST_PROXY)(request(peer, forwardedFor));

describe('client address', () => {
  it('is the connecting peer without TRUST_PROXY, whatever the headers say', () => {
    expect(resolve(undefined, '198.51.100.4', '1.2.3.4')).toBe('198.51.100.4');
    expect(resolve('false', '::ffff:198.51.100.4', '1.2.3.4')).toBe('198.51.100.4');
  });

  it('counts hops from the right, ignoring what the client put in front', () => {
    expect(resolve('1', '10.0.0.2', '1.2.3.4, 198.51.100.4')).toBe('198.51.100.4');
    expect(resolve('1', '10.0.0.2', ['1.2.3.4', '5.6.7.8, 198.51.100.4'])).toBe('198.51.100.4');
    expect(resolve('2', '10.0.0.2', '1.2.3.4, 198.51.100.4, 10.0.0.9')).toBe('198.51.100.4');
    // Fewer entries than hops: the farthest address known (proxies always add theirs).
    expect(resolve('2', '10.0.0.2', '198.51.100.4')).toBe('198.51.100.4');
    expect(resolve('1', '10.0.0.2')).toBe('10.0.0.2');
  });

  it('walks trusted proxies from the right and stops at the first address none of them is', () => {
    const trust = 'loopback, 10.0.0.0/8, 2001:db8::/32';
    expect(resolve(trust, '::ffff:127.0.0.1', '1.2.3.4, 198.51.100.4, 10.1.2.3')).toBe('198.51.100.4');
    expect(resolve(trust, '::1', '1.2.3.4, 2001:db8::7, 2001:db9::5, 2001:db8::1')).toBe('2001:db9::5');
    expect(resolve(trust, '127.0.0.1', '10.9.9.9, 10.1.2.3')).toBe('10.9.9.9');
    // An untrusted peer is the client itself, whatever it forwards.
    expect(resolve(trust, '198.51.100.9', '1.2.3.4')).toBe('198.51.100.9');
    // Garbage where an address belongs is not trusted and is kept short.
    expect(resolve(trust, '127.0.0.1', `1.2.3.4, ${'x'.repeat(500)}`)).toBe('x'.repeat(64));
  });
});
