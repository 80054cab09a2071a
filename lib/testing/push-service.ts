import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface PushTestSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** The test service's own name for the browser it stands in for. */
  clientHash: string;
}

export interface PushTestService {
  url: string;
  /** A subscription as a browser's pushManager.subscribe would make it, for this VAPID key. */
  subscribe(applicationServerKey: string): Promise<PushTestSubscription>;
  /** The decrypted payloads the service received for a subscription, parsed as JSON. */
  messages(clientHash: string): Promise<unknown[]>;
  /** The browser revoked it: later pushes get 410 Gone. */
  expire(clientHash: string): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe: Server = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * A local Web Push service (web-push-testing) on a free port, in this process: it accepts
 * subscriptions, decrypts what is pushed to them with the subscription's keys (so a wrong key
 * or VAPID signature fails like on a real service) and answers 410 once a subscription expired.
 */
export async function startPushTestService(): Promise<PushTestService> {
  const { PushApiModel } = require('web-push-testing/src/PushApiModel.js');
  const WebPushTestingServer = require('web-push-testing/src/server.js');
  const port = await freePort();
  const service = new WebPushTestingServer(new PushApiModel(), port);
  const log = console.log;
  console.log = () => {}; // "Server running on port …"
  try {
    service.startServer();
    await once(service._server, 'listening');
  } finally {
    console.log = log;
  }
  const url = `http://localhost:${port}`;
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new Error(`push test service ${path}: HTTP ${response.status} ${text}`);
    return response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null;
  };
  return {
    url,
    async subscribe(applicationServerKey) {
      return (await post('/subscribe', { userVisibleOnly: 'true', applicationServerKey })).data;
    },
    async messages(clientHash) {
      const { data } = await post('/get-notifications', { clientHash });
      return (data.messages as string[]).map((m) => JSON.parse(m));
    },
    async expire(clientHash) {
      await post(`/expire-subscription/${clientHash}`, {});
    },
    close: () => new Promise<void>((resolve) => service._server.close(() => resolve())),
  };
}
