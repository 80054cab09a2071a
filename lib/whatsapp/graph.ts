import type { WhatsAppConfig } from './config';

/** An interactive or plain message as the engine composes it (lib/whatsapp/conversation.ts). */
export type OutgoingContent =
  | { text: string }
  | { text: string; buttons: { id: string; title: string }[] }
  | { text: string; list: { button: string; sections: { title: string; rows: { id: string; title: string; description?: string }[] }[] } };

// well inside the outbox claim lease, like the other channels
const TIMEOUT_MS = 30_000;

/** A Graph API failure with a message safe to store and show staff (never the token). */
export class GraphError extends Error {
  constructor(
    message: string,
    public readonly status: number | null,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

/** The body of `POST /{phone-number-id}/messages` for one message. Pure. */
export function messageBody(to: string, content: OutgoingContent): Record<string, unknown> {
  const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to };
  if ('buttons' in content) {
    return {
      ...base,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: content.text },
        action: { buttons: content.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })) },
      },
    };
  }
  if ('list' in content) {
    return { ...base, type: 'interactive', interactive: { type: 'list', body: { text: content.text }, action: content.list } };
  }
  return { ...base, type: 'text', text: { body: content.text, preview_url: false } };
}

/** A template message: `parameters` fill the body's {{1}}, {{2}} … in order. Pure. */
export function templateBody(to: string, name: string, language: string, parameters: string[]): Record<string, unknown> {
  return {
    messaging_product: 'whatsapp',
    to,
    type: 'template',
    template: {
      name,
      language: { code: language },
      // a template parameter may not hold line breaks or long runs of spaces
      components: [{ type: 'body', parameters: parameters.map((text) => ({ type: 'text', text: text.replace(/\s+/g, ' ').trim().slice(0, 1000) })) }],
    },
  };
}

async function call(config: WhatsAppConfig, url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, {
      ...init,
      headers: { authorization: `Bearer ${config.accessToken}`, ...(init.headers as Record<string, string>) },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: unknown } })?.cause;
    throw new GraphError(`Graph API tidak dapat dihubungi (${typeof cause?.code === 'string' ? cause.code : 'kesalahan jaringan'})`, null);
  }
}

async function failure(response: Response, what: string): Promise<GraphError> {
  let detail = '';
  try {
    const json = (await response.json()) as { error?: { code?: number; message?: string } };
    if (json.error) detail = `: ${[json.error.code, json.error.message].filter(Boolean).join(' ')}`.slice(0, 200);
  } catch {
    // no JSON error body
  }
  return new GraphError(`${what} gagal: HTTP ${response.status}${detail}`, response.status);
}

/** Sends one message; returns the wamid the Cloud API gave it. */
export async function postMessage(config: WhatsAppConfig, body: Record<string, unknown>): Promise<string> {
  const response = await call(config, `${config.graphUrl}/${config.phoneNumberId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await failure(response, 'Pengiriman WhatsApp');
  const json = (await response.json()) as { messages?: { id?: string }[] };
  const wamid = json.messages?.[0]?.id;
  if (!wamid) throw new GraphError('Pengiriman WhatsApp: jawaban tanpa id pesan', response.status);
  return wamid;
}

export type MediaDownload = { ok: true; data: Buffer; mimeType: string } | { ok: false; reason: 'too_large' | 'unavailable' };

/**
 * A photo the resident sent: its URL and size from `GET /{media-id}`, then the file itself with
 * the same bearer token. A file over `maxBytes` is refused by its declared size, and again while
 * reading if the server sends more than it declared.
 */
export async function downloadMedia(config: WhatsAppConfig, mediaId: string, maxBytes: number): Promise<MediaDownload> {
  if (!/^[\w.-]{1,200}$/.test(mediaId)) return { ok: false, reason: 'unavailable' };
  const info = await call(config, `${config.graphUrl}/${mediaId}`);
  if (info.status === 404 || info.status === 400) return { ok: false, reason: 'unavailable' };
  if (!info.ok) throw await failure(info, 'Info media WhatsApp');
  const meta = (await info.json()) as { url?: string; mime_type?: string; file_size?: number | string };
  if (Number(meta.file_size ?? 0) > maxBytes) return { ok: false, reason: 'too_large' };
  if (!meta.url) return { ok: false, reason: 'unavailable' };
  const file = await call(config, meta.url);
  if (!file.ok) {
    await file.body?.cancel().catch(() => {});
    if (file.status === 404) return { ok: false, reason: 'unavailable' };
    throw new GraphError(`Unduhan media WhatsApp gagal: HTTP ${file.status}`, file.status);
  }
  if (Number(file.headers.get('content-length') ?? 0) > maxBytes) {
    await file.body?.cancel().catch(() => {});
    return { ok: false, reason: 'too_large' };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of file.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) return { ok: false, reason: 'too_large' };
    chunks.push(Buffer.from(chunk));
  }
  return { ok: true, data: Buffer.concat(chunks), mimeType: meta.mime_type ?? 'application/octet-stream' };
}
