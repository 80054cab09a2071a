import { describe, expect, it } from 'vitest';
import { clientAddressOf, parseAddress, parseTrustedProxies, trustedProxies, TrustedProxiesError, UNKNOWN_CLIENT } from './client-address';

const NONE = parseTrustedProxies(undefined);
const NGINX = parseTrustedProxies('10.0.0.0/8');
const LOOPBACK = parseTrustedProxies('127.0.0.1/32, ::1');
const CHAIN = parseTrustedProxies('10.0.0.0/8, 172.16.0.0/12, 2001:db8:ffff::/48');

describe('clientAddressOf', () => {
  it.each([
    // [label, peer, X-Forwarded-For, trusted proxies, client]
    ['no proxies, no header: the peer', '198.51.100.7', null, NONE, '198.51.100.7'],
    ['no proxies, a forged header changes nothing', '198.51.100.7', '203.0.113.9', NONE, '198.51.100.7'],
    ['no proxies, a forged chain changes nothing', '198.51.100.7', '203.0.113.9, 10.0.0.1', NONE, '198.51.100.7'],
    ['an untrusted peer with a header: the peer', '198.51.100.7', '203.0.113.9', NGINX, '198.51.100.7'],
    ['trusted proxy: the address it recorded', '10.0.0.5', '203.0.113.9', NGINX, '203.0.113.9'],
    ['trusted proxy appending to a forged header: the right-most untrusted, not the forged left', '10.0.0.5', '1.1.1.1, 203.0.113.9', NGINX, '203.0.113.9'],
    ['several trusted hops: the first untrusted from the right', '10.0.0.5', '1.1.1.1, 203.0.113.9, 172.16.4.4, 10.9.9.9', CHAIN, '203.0.113.9'],
    ['every hop trusted: the left-most', '10.0.0.5', '10.1.1.1, 172.16.0.1', CHAIN, '10.1.1.1'],
    ['trusted proxy without the header: the proxy', '10.0.0.5', null, NGINX, '10.0.0.5'],
    ['loopback proxy of the browser tests', '127.0.0.1', '203.0.113.21', LOOPBACK, '203.0.113.21'],
    ['IPv4-mapped peer on a dual-stack socket matches an IPv4 range', '::ffff:127.0.0.1', '203.0.113.21', LOOPBACK, '203.0.113.21'],
    ['IPv6 loopback peer', '::1', '203.0.113.22', LOOPBACK, '203.0.113.22'],
    ['IPv6 trusted proxy, IPv6 client: its /64', '2001:db8:ffff:1::10', '2001:db8:1:2:aaaa:bbbb:cccc:dddd', CHAIN, '2001:db8:1:2::/64'],
    ['two addresses of one IPv6 /64 count as one', '2001:db8:ffff:1::10', '2001:DB8:1:2::1', CHAIN, '2001:db8:1:2::/64'],
    ['IPv6 peer without proxies: its /64', '2001:db8:5:6::1', '203.0.113.9', NONE, '2001:db8:5:6::/64'],
    ['IPv4 range does not trust an IPv6 peer', '2001:db8:ffff:1::10', '203.0.113.9', NGINX, '2001:db8:ffff:1::/64'],
    ['hops with ports and brackets', '10.0.0.5', '[2001:db8:9::1]:443, 203.0.113.9:5123', NGINX, '203.0.113.9'],
    ['bracketed IPv6 with port reached through a trusted hop', '10.0.0.5', '[2001:db8:9::1]:443, 10.0.0.6', NGINX, '2001:db8:9::/64'],
    ['garbage header from a trusted proxy: the proxy', '10.0.0.5', 'unknown', NGINX, '10.0.0.5'],
    ['garbage right-most hop stops at the trusted hop that wrote it', '10.0.0.5', '203.0.113.9, <script>, 10.0.0.7', NGINX, '10.0.0.7'],
    ['shorthand IPv4 is not an address', '10.0.0.5', '127.1', NGINX, '10.0.0.5'],
    ['hex IPv4 is not an address', '10.0.0.5', '0x7f000001', NGINX, '10.0.0.5'],
    ['empty entries are skipped', '10.0.0.5', ' 203.0.113.9 , , ', NGINX, '203.0.113.9'],
    ['an over-long header is still only addresses', '10.0.0.5', `${'9.9.9.9,'.repeat(500)}203.0.113.9`, NGINX, '203.0.113.9'],
    ['no peer: one shared bucket, never the header', null, '203.0.113.9', NGINX, UNKNOWN_CLIENT],
    ['a peer that is not an address: one shared bucket', 'lokal', '203.0.113.9', NGINX, UNKNOWN_CLIENT],
  ])('%s', (_label, peer, forwardedFor, proxies, expected) => {
    expect(clientAddressOf(peer, forwardedFor, proxies)).toBe(expected);
  });
});

describe('parseTrustedProxies', () => {
  it.each([
    ['empty', '', 0],
    ['one IPv4 range', '10.0.0.0/8', 1],
    ['a bare address is a /32 or /128', '127.0.0.1, ::1', 2],
    ['IPv6 range', '2001:db8::/32', 1],
    ['spaces and trailing commas', ' 10.0.0.0/8 ,, 192.168.0.0/16 ,', 2],
    ['a mapped range', '::ffff:10.0.0.0/104', 1],
  ])('accepts %s', (_label, value, count) => {
    expect(parseTrustedProxies(value)).toHaveLength(count);
  });

  it.each([['10.0.0.0/33'], ['::1/129'], ['10.0.0.0/8/8'], ['10.0.0'], ['nginx'], ['10.0.0.1:80'], ['[::1]'], ['10.0.0.0/-1'], ['10.0.0.0/x']])('refuses %s', (value) => {
    expect(() => parseTrustedProxies(`127.0.0.1/32, ${value}`)).toThrow(TrustedProxiesError);
  });

  it('reads ADUAN_TRUSTED_PROXIES, unset meaning none, and follows a change', () => {
    expect(trustedProxies({})).toEqual([]);
    expect(trustedProxies({ ADUAN_TRUSTED_PROXIES: '10.0.0.0/8' })).toHaveLength(1);
    expect(trustedProxies({ ADUAN_TRUSTED_PROXIES: '10.0.0.0/8, ::1' })).toHaveLength(2);
    expect(trustedProxies({})).toEqual([]);
  });

  it('a /32 trusts exactly one address; a mapped /104 is the IPv4 /8', () => {
    const one = parseTrustedProxies('10.0.0.5/32');
    expect(clientAddressOf('10.0.0.5', '203.0.113.9', one)).toBe('203.0.113.9');
    expect(clientAddressOf('10.0.0.6', '203.0.113.9', one)).toBe('10.0.0.6');
    const mapped = parseTrustedProxies('::ffff:10.0.0.0/104');
    expect(clientAddressOf('10.200.0.1', '203.0.113.9', mapped)).toBe('203.0.113.9');
    expect(clientAddressOf('11.0.0.1', '203.0.113.9', mapped)).toBe('11.0.0.1');
  });
});

describe('parseAddress', () => {
  it.each([
    ['1.2.3.4', '1.2.3.4'],
    ['1.2.3.4:80', '1.2.3.4'],
    ['[::1]:80', '::1'],
    ['::ffff:1.2.3.4', '1.2.3.4'],
    ['2001:DB8::1', '2001:db8::1'],
  ])('%s is %s', (text, expected) => {
    expect(parseAddress(text)?.toString()).toBe(expected);
  });

  it.each([[''], ['256.1.1.1'], ['010.1.1.1'], ['fe80::1%eth0'], ['1.2.3.4, 5.6.7.8'], ['unknown']])('%s is not an address', (text) => {
    expect(parseAddress(text)).toBeNull();
  });
});
