import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddressOf, parseTrustedProxies } from '@/lib/security/client-address';
import { installPeerHeader, PEER_HEADER, peerOf } from './peer-header';

// A real Node HTTP server, as under `next start`: what the handler reads is what the socket says.
let server: Server;
let base: string;
beforeAll(async () => {
  installPeerHeader();
  server = createServer((req, res) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const peer = peerOf(headers);
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        peer,
        untrusted: clientAddressOf(peer, headers.get('x-forwarded-for'), parseTrustedProxies('')),
        trusted: clientAddressOf(peer, headers.get('x-forwarded-for'), parseTrustedProxies('127.0.0.1/32, ::1')),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ask = async (headers: Record<string, string>) => (await fetch(base, { headers })).json() as Promise<{ peer: string; untrusted: string; trusted: string }>;

describe('the peer header', () => {
  it('carries the socket address, overwriting a value the client sent under its name', async () => {
    expect(await ask({ [PEER_HEADER]: '203.0.113.66' })).toMatchObject({ peer: '127.0.0.1', untrusted: '127.0.0.1' });
  });

  it('a forged X-Forwarded-For counts only when the peer is a trusted proxy', async () => {
    expect(await ask({ 'x-forwarded-for': '203.0.113.9', [PEER_HEADER]: '10.0.0.1' })).toEqual({ peer: '127.0.0.1', untrusted: '127.0.0.1', trusted: '203.0.113.9' });
  });

  it('is not believed in a process that does not write it', () => {
    const flag = '__aduanPeerHeader';
    const g = globalThis as Record<string, unknown>;
    g[flag] = false;
    try {
      expect(peerOf(new Headers({ [PEER_HEADER]: '203.0.113.66' }))).toBeNull();
    } finally {
      g[flag] = true;
    }
  });
});
