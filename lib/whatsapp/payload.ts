import { z } from 'zod';

/**
 * What the conversation engine reads of one inbound WhatsApp message. Anything else a resident
 * sends (a voice note, a sticker, a document) arrives as `unsupported` and gets an explanation.
 */
export type InboundContent =
  | { type: 'text'; body: string }
  | { type: 'reply'; id: string; title: string }
  | { type: 'image'; mediaId: string; mimeType: string | null; caption: string | null }
  | { type: 'location'; lat: number; lng: number; name: string | null; address: string | null }
  | { type: 'unsupported'; kind: string };

export interface InboundMessage {
  wamid: string;
  /** The sender's WhatsApp id (their number, digits only). */
  from: string;
  sentAt: Date;
  content: InboundContent;
}

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';

export interface StatusUpdate {
  wamid: string;
  status: DeliveryStatus;
  at: Date;
  error: string | null;
}

const id = z.string().trim().min(1).max(200);
const message = z.object({
  from: z.string().regex(/^\d{5,20}$/),
  id,
  timestamp: z.string().regex(/^\d{1,12}$/),
  type: z.string().max(40),
  text: z.object({ body: z.string().max(8192) }).optional(),
  interactive: z
    .object({
      type: z.string(),
      button_reply: z.object({ id: z.string().max(256), title: z.string().max(100) }).optional(),
      list_reply: z.object({ id: z.string().max(256), title: z.string().max(100) }).optional(),
    })
    .optional(),
  button: z.object({ payload: z.string().max(256).optional(), text: z.string().max(256) }).optional(),
  image: z.object({ id, mime_type: z.string().max(100).optional(), caption: z.string().max(4096).optional() }).optional(),
  location: z
    .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180), name: z.string().max(500).optional(), address: z.string().max(1000).optional() })
    .optional(),
});
const status = z.object({
  id,
  status: z.enum(['sent', 'delivered', 'read', 'failed']),
  timestamp: z.string().regex(/^\d{1,12}$/),
  errors: z.array(z.object({ code: z.number().optional(), title: z.string().max(300).optional() })).optional(),
});
const payload = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({
      changes: z.array(
        z.object({
          field: z.string(),
          value: z.object({
            metadata: z.object({ phone_number_id: z.string() }).optional(),
            messages: z.array(z.unknown()).optional(),
            statuses: z.array(z.unknown()).optional(),
          }),
        }),
      ),
    }),
  ),
});

function contentOf(m: z.infer<typeof message>): InboundContent {
  const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
  if (m.type === 'text' && m.text) return { type: 'text', body: m.text.body };
  if (m.type === 'interactive' && reply) return { type: 'reply', id: reply.id, title: reply.title };
  // a quick-reply button under a template message
  if (m.type === 'button' && m.button) return { type: 'reply', id: m.button.payload ?? m.button.text, title: m.button.text };
  if (m.type === 'image' && m.image) return { type: 'image', mediaId: m.image.id, mimeType: m.image.mime_type ?? null, caption: m.image.caption ?? null };
  if (m.type === 'location' && m.location) {
    const l = m.location;
    return { type: 'location', lat: l.latitude, lng: l.longitude, name: l.name ?? null, address: l.address ?? null };
  }
  return { type: 'unsupported', kind: m.type };
}

/**
 * The messages and status callbacks of one webhook body addressed to our phone number, or null
 * when it is not a WhatsApp Business webhook at all. Single malformed items are skipped: the rest
 * of a batch still counts.
 */
export function readWebhookPayload(json: unknown, phoneNumberId: string): { messages: InboundMessage[]; statuses: StatusUpdate[] } | null {
  const parsed = payload.safeParse(json);
  if (!parsed.success) return null;
  const messages: InboundMessage[] = [];
  const statuses: StatusUpdate[] = [];
  for (const change of parsed.data.entry.flatMap((e) => e.changes)) {
    if (change.field !== 'messages') continue;
    const to = change.value.metadata?.phone_number_id;
    if (to && to !== phoneNumberId) continue;
    for (const raw of change.value.messages ?? []) {
      const m = message.safeParse(raw);
      if (m.success) messages.push({ wamid: m.data.id, from: m.data.from, sentAt: new Date(Number(m.data.timestamp) * 1000), content: contentOf(m.data) });
    }
    for (const raw of change.value.statuses ?? []) {
      const s = status.safeParse(raw);
      if (!s.success) continue;
      const error = s.data.errors?.map((e) => [e.code, e.title].filter(Boolean).join(' ')).join('; ') || null;
      statuses.push({ wamid: s.data.id, status: s.data.status, at: new Date(Number(s.data.timestamp) * 1000), error: error?.slice(0, 300) ?? null });
    }
  }
  return { messages, statuses };
}
