import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';

export interface GraphStandIn {
  /** Base URL to use as ADUAN_WA_GRAPH_URL. */
  url: string;
  /** Bodies of every accepted `POST /{phone-number-id}/messages`, in order, with the wamid given. */
  sent: { wamid: string; body: Record<string, unknown> }[];
  /** Makes `GET /{id}` and its download serve these bytes. */
  addMedia(id: string, data: Buffer, mimeType: string): void;
  /** The next `count` sends are answered with this HTTP status and error code (as when Meta is down or refuses). */
  failNextSends(count: number, status?: number, code?: number): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A local stand-in of the parts of the Graph API the WhatsApp channel uses, as the Cloud API
 * documents them: sending messages, a media object's metadata, and the media file behind its URL,
 * each only with the bearer token. Started by a test on a free port (or the one the browser tests'
 * server was told, see scripts/e2e-server.ts).
 */
export async function startGraphStandIn(options: { phoneNumberId: string; accessToken: string; port?: number }): Promise<GraphStandIn> {
  const media = new Map<string, { data: Buffer; mimeType: string }>();
  const sent: GraphStandIn['sent'] = [];
  let failures = 0;
  let failureStatus = 500;
  let failureCode = 131000;
  let counter = 0;
  let base = '';
  const server = createServer(async (request, response) => {
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${options.accessToken}`) {
      return json(401, { error: { code: 190, message: 'Invalid OAuth access token.' } });
    }
    const path = new URL(request.url ?? '/', 'http://x').pathname.split('/').filter(Boolean);
    if (request.method === 'POST' && path.length === 2 && path[0] === options.phoneNumberId && path[1] === 'messages') {
      const body = JSON.parse(await readBody(request)) as Record<string, unknown>;
      if (failures > 0) {
        failures -= 1;
        return json(failureStatus, { error: { code: failureCode, message: failureCode === 131047 ? 'Re-engagement message' : 'Something went wrong' } });
      }
      const wamid = `wamid.keluar${++counter}`;
      sent.push({ wamid, body });
      return json(200, { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: wamid }] });
    }
    if (request.method === 'GET' && path.length === 2 && path[0] === 'media-file') {
      const item = media.get(path[1]);
      if (!item) return json(404, { error: { message: 'not found' } });
      response.writeHead(200, { 'content-type': item.mimeType, 'content-length': String(item.data.length) });
      return response.end(item.data);
    }
    if (request.method === 'GET' && path.length === 1) {
      const item = media.get(path[0]);
      if (!item) return json(404, { error: { code: 100, message: 'Unsupported get request.' } });
      return json(200, { messaging_product: 'whatsapp', id: path[0], url: `${base}/media-file/${path[0]}`, mime_type: item.mimeType, file_size: item.data.length, sha256: 'x' });
    }
    return json(404, { error: { message: 'unknown path' } });
  });
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    sent,
    addMedia: (id, data, mimeType) => void media.set(id, { data, mimeType }),
    failNextSends: (count, status = 500, code = 131000) => {
      failures = count;
      failureStatus = status;
      failureCode = code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
