import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface GatewayRequest {
  body: string;
  /** When the answer went out (null while held or cut off). */
  answeredAt: number | null;
}

/**
 * A local SMS gateway (what ADUAN_SMS_GATEWAY_URL points at). Messages whose text contains
 * `hold` are kept waiting while `isHolding` is true, so a worker can be killed mid-delivery.
 */
export async function startGateway(port: number, hold: string) {
  const requests: GatewayRequest[] = [];
  const held: { res: ServerResponse; entry: GatewayRequest }[] = [];
  let isHolding = true;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const { body } = JSON.parse(raw) as { body: string };
      const entry: GatewayRequest = { body, answeredAt: null };
      requests.push(entry);
      if (isHolding && body.includes(hold)) {
        held.push({ res, entry });
        return;
      }
      entry.answeredAt = Date.now();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${port}/kirim`,
    requests,
    /** Messages with this text that were answered (i.e. delivered). */
    delivered: (text: string) => requests.filter((r) => r.body.includes(text) && r.answeredAt !== null).length,
    received: (text: string) => requests.filter((r) => r.body.includes(text)).length,
    stopHolding: () => {
      isHolding = false;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const h of held) h.res.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
