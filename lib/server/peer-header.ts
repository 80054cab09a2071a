import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/*
 * The TCP peer's address, for route handlers and server actions. Next.js gives them a Web
 * Request without the socket (NextRequest.ip is gone since Next.js 15), and fills
 * X-Forwarded-For with the peer only when the client sent none, so the headers cannot tell a
 * forged X-Forwarded-For from the peer. Node's HTTP server announces every request on the
 * `http.server.request.start` diagnostics channel, synchronously, before its 'request' event
 * reaches Next.js; this subscriber writes the socket's address into PEER_HEADER there,
 * overwriting whatever a client sent under that name.
 */

export const PEER_HEADER = 'x-aduan-peer';
const FLAG = '__aduanPeerHeader';
type WithFlag = typeof globalThis & { [FLAG]?: boolean };

function stamp(message: unknown): void {
  const { request, socket } = message as { request: IncomingMessage; socket?: Socket };
  request.headers[PEER_HEADER] = socket?.remoteAddress ?? '';
}

/** Call once in the server process before it serves a request (instrumentation.ts). */
export function installPeerHeader(): void {
  const g = globalThis as WithFlag;
  if (g[FLAG]) return;
  subscribe('http.server.request.start', stamp);
  // on globalThis: instrumentation and the route bundles are separate module graphs in one process
  g[FLAG] = true;
}

export function isPeerHeaderInstalled(): boolean {
  return (globalThis as WithFlag)[FLAG] === true;
}

/** The peer's address, or null when this process does not write the header (then a client could have). */
export function peerOf(headers: Pick<Headers, 'get'>): string | null {
  return isPeerHeaderInstalled() ? headers.get(PEER_HEADER) : null;
}
