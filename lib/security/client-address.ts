import ipaddr from 'ipaddr.js';

/*
 * The client address every per-address limit counts (reports, "dukung", follows, the survey,
 * failed sign-ins). X-Forwarded-For is written by whoever sent the request, so it is believed only
 * as far as the hops that wrote it are proxies we run: starting from the TCP peer, each hop that
 * is a trusted proxy hands over to the address it recorded, right to left, and the first hop that
 * is not trusted is the client. Without trusted proxies the peer is the client, whatever the
 * header says.
 */

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** ADUAN_TRUSTED_PROXIES parsed: the ranges whose X-Forwarded-For entries are believed. */
export type TrustedProxies = readonly (readonly [Address, number])[];

/** When the peer is not known (no HTTP server in front of the code): one shared bucket, never a header's word. */
export const UNKNOWN_CLIENT = 'tidak-diketahui';

export class TrustedProxiesError extends Error {}

/**
 * One address as it appears in a socket or a forwarded header: dotted IPv4 (an optional port),
 * IPv6 (optionally in brackets with a port). IPv4-mapped IPv6 becomes IPv4, so `::ffff:10.0.0.1`
 * and `10.0.0.1` are one. Shorthand IPv4 (`127.1`, `0x7f000001`) and zone ids are refused.
 */
export function parseAddress(text: string): Address | null {
  let s = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(s);
  if (bracketed) s = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}$/.test(s)) s = s.slice(0, s.lastIndexOf(':'));
  if (ipaddr.IPv4.isValidFourPartDecimal(s)) return ipaddr.IPv4.parse(s);
  if (s.includes('%') || !ipaddr.IPv6.isValid(s)) return null;
  const v6 = ipaddr.IPv6.parse(s);
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
}

function parseRange(entry: string): readonly [Address, number] | null {
  const [text, bits, ...rest] = entry.split('/');
  // a range names addresses only: no brackets, no port
  if (rest.length > 0 || text.includes('[') || /^\d{1,3}(?:\.\d{1,3}){3}:/.test(text)) return null;
  const address = parseAddress(text);
  if (!address) return null;
  const max = address.kind() === 'ipv4' ? 32 : 128;
  if (bits === undefined) return [address, max];
  if (!/^\d{1,3}$/.test(bits)) return null;
  // a mapped range (::ffff:10.0.0.0/104) is the IPv4 range it maps
  const prefix = address.kind() === 'ipv4' && ipaddr.IPv6.isValid(text) ? Number(bits) - 96 : Number(bits);
  return prefix >= 0 && prefix <= max ? [address, prefix] : null;
}

/** A comma-separated list of addresses and CIDR ranges, IPv4 and IPv6; a wrong entry is an error, never ignored. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const ranges: (readonly [Address, number])[] = [];
  for (const entry of (value ?? '').split(',').map((e) => e.trim())) {
    if (!entry) continue;
    const range = parseRange(entry);
    if (!range) {
      throw new TrustedProxiesError(`ADUAN_TRUSTED_PROXIES: "${entry}" is not an address or CIDR range (e.g. 10.0.0.0/8, 127.0.0.1/32, ::1/128)`);
    }
    ranges.push(range);
  }
  return ranges;
}

let cached: { value: string | undefined; proxies: TrustedProxies } | null = null;

/** The trusted proxies of the environment, parsed once per value. */
export function trustedProxies(env: Record<string, string | undefined> = process.env): TrustedProxies {
  const value = env.ADUAN_TRUSTED_PROXIES;
  if (!cached || cached.value !== value) cached = { value, proxies: parseTrustedProxies(value) };
  return cached.proxies;
}

function isTrusted(address: Address, proxies: TrustedProxies): boolean {
  return proxies.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
}

/** The counted form: IPv4 as is; IPv6 as its /64, since one subscriber holds a whole /64 and may use any address in it. */
function limitKey(address: Address): string {
  if (address.kind() === 'ipv4') return address.toString();
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}

/**
 * The client: the right-most hop of `forwardedFor` that is not a trusted proxy, walking from the
 * TCP `peer` leftwards while the current hop is trusted. A hop that is not an address stops the
 * walk at the trusted proxy that wrote it.
 */
export function clientAddressOf(peer: string | null | undefined, forwardedFor: string | null | undefined, proxies: TrustedProxies): string {
  let client = parseAddress(peer ?? '');
  if (!client) return UNKNOWN_CLIENT;
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  while (hops.length > 0 && isTrusted(client, proxies)) {
    const hop = parseAddress(hops.pop()!);
    if (!hop) break;
    client = hop;
  }
  return limitKey(client);
}

/** Run when the server starts: a wrong ADUAN_TRUSTED_PROXIES entry stops it with a message naming the entry. */
export function checkTrustedProxiesAtStart(env: Record<string, string | undefined> = process.env): void {
  try {
    trustedProxies(env);
  } catch (error) {
    if (!(error instanceof TrustedProxiesError)) throw error;
    console.error(`[aduan] the server cannot start: ${error.message}`);
    process.exit(1);
  }
}
