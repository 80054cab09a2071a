import { and, eq, lt } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { z } from 'zod';
import type { Db } from '@/db/connect';
import { categories, webhookReceipts } from '@/db/schema';
import { createReport, type CreateReportInput } from '@/lib/intake/create-report';
import { IntakeError, INTAKE_MESSAGE } from '@/lib/intake/errors';
import { ImageRejectedError } from '@/lib/media/process-image';
import { acceptImage, type AcceptedImage } from '@/lib/media/quarantine';
import type { MediaStorage } from '@/lib/media/storage';
import { locate } from '@/lib/regions/jakarta';
import { laporContact, socialContact } from './contact';
import { checkSignature, REPLAY_WINDOW_SECONDS, type SignatureCheck } from './signature';

/** The machine channels and the secret each is signed with. */
export const WEBHOOKS = {
  sms: 'ADUAN_KANAL_SMS_SECRET',
  email: 'ADUAN_KANAL_EMAIL_SECRET',
  'email-mime': 'ADUAN_KANAL_EMAIL_SECRET',
  sosmed: 'ADUAN_KANAL_SOSMED_SECRET',
  lapor: 'ADUAN_KANAL_LAPOR_SECRET',
} as const;
export type WebhookKind = keyof typeof WEBHOOKS;

export interface WebhookAnswer {
  status: number;
  body: Record<string, unknown>;
}

const MAX_PHOTOS = 5;
const MAX_TEXT = 5000;

const refuse = (status: number, id: string, en: string): WebhookAnswer => ({ status, body: { error: id, error_en: en } });

const SIGNATURE_ANSWER: Record<Exclude<SignatureCheck, 'ok'>, WebhookAnswer> = {
  tanpa_tanda_tangan: refuse(401, 'Tanda tangan wajib: kirim X-Aduan-Timestamp dan X-Aduan-Signature.', 'Signature required: send X-Aduan-Timestamp and X-Aduan-Signature.'),
  waktu_tidak_valid: refuse(401, 'Waktu permintaan di luar jendela 5 menit.', 'Request time is outside the 5-minute window.'),
  tanda_tangan_salah: refuse(401, 'Tanda tangan tidak cocok.', 'Signature does not match.'),
};

const text = z.string().trim().min(5).max(MAX_TEXT * 2);
const ref = z.string().trim().min(1).max(200);
const image = z.object({ contentType: z.string().max(100).optional(), contentBase64: z.string().max(15_000_000) });
const place = {
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  kelurahan: z.string().regex(/^31\.\d{2}\.\d{2}\.\d{4}$/).optional(),
  kategori: z.string().max(40).optional(),
};

const SCHEMAS = {
  sms: z.object({ id: ref, from: z.string().trim().regex(/^\+?\d{8,15}$/), text }),
  email: z.object({
    messageId: ref,
    from: z.object({ address: z.email(), name: z.string().max(100).optional() }),
    subject: z.string().max(300).optional(),
    text,
    attachments: z.array(image.extend({ filename: z.string().max(200).optional() })).max(20).optional(),
  }),
  sosmed: z.object({
    platform: z.enum(['twitter', 'facebook', 'instagram', 'medsos-gubernur']),
    postId: ref,
    postUrl: z.url().max(500).optional(),
    author: z.string().trim().min(1).max(100),
    text,
    images: z.array(image).max(20).optional(),
    ...place,
  }),
  lapor: z.object({
    trackingId: ref,
    text,
    name: z.string().max(100).optional(),
    phone: z.string().regex(/^\+?\d{8,15}$/).optional(),
    email: z.email().optional(),
    ...place,
  }),
};

/** What a channel message says, before it becomes a report. */
interface Incoming {
  channelCode: string;
  channelRef: string;
  description: string;
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  replyContact?: string | null;
  images: { contentType?: string; data: Buffer }[];
  lat?: number;
  lng?: number;
  kelurahan?: string;
  kategori?: string;
}

async function readMime(raw: Buffer): Promise<Incoming | null> {
  const mail = await simpleParser(raw);
  const from = mail.from?.value[0];
  const body = (mail.text ?? '').trim();
  if (!mail.messageId || !from?.address || (body.length < 5 && !mail.subject)) return null;
  return {
    channelCode: 'email',
    channelRef: mail.messageId,
    description: [mail.subject, body].filter(Boolean).join('\n\n'),
    name: from.name || null,
    email: from.address.toLowerCase(),
    // inline images and attached photos alike
    images: mail.attachments.filter((a) => a.contentType.startsWith('image/')).map((a) => ({ contentType: a.contentType, data: a.content })),
  };
}

function readJson(kind: Exclude<WebhookKind, 'email-mime'>, raw: Buffer): Incoming | null {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
  const b64 = (items: { contentType?: string; contentBase64: string }[] = []) =>
    items.map((i) => ({ contentType: i.contentType, data: Buffer.from(i.contentBase64, 'base64') }));
  switch (kind) {
    case 'sms': {
      const p = SCHEMAS.sms.safeParse(json);
      return p.success ? { channelCode: 'sms', channelRef: p.data.id, description: p.data.text, phone: p.data.from, images: [] } : null;
    }
    case 'email': {
      const p = SCHEMAS.email.safeParse(json);
      if (!p.success) return null;
      const images = (p.data.attachments ?? []).filter((a) => (a.contentType ?? '').startsWith('image/'));
      return {
        channelCode: 'email',
        channelRef: p.data.messageId,
        description: [p.data.subject, p.data.text].filter(Boolean).join('\n\n'),
        name: p.data.from.name ?? null,
        email: p.data.from.address.toLowerCase(),
        images: b64(images),
      };
    }
    case 'sosmed': {
      const p = SCHEMAS.sosmed.safeParse(json);
      if (!p.success) return null;
      const d = p.data;
      return {
        channelCode: d.platform,
        channelRef: d.postId,
        description: d.postUrl ? `${d.text}\n\n${d.postUrl}` : d.text,
        name: d.author,
        replyContact: socialContact(d.platform, d.postId, d.author),
        images: b64(d.images),
        lat: d.lat,
        lng: d.lng,
        kelurahan: d.kelurahan,
        kategori: d.kategori,
      };
    }
    case 'lapor': {
      const p = SCHEMAS.lapor.safeParse(json);
      if (!p.success) return null;
      const d = p.data;
      return {
        channelCode: 'lapor',
        channelRef: d.trackingId,
        description: d.text,
        name: d.name ?? null,
        phone: d.phone ?? null,
        email: d.email ?? null,
        replyContact: laporContact(d.trackingId),
        images: [],
        lat: d.lat,
        lng: d.lng,
        kelurahan: d.kelurahan,
        kategori: d.kategori,
      };
    }
  }
}

/** Photos that can be read; anything else attached is left out. */
async function photosOf(images: Incoming['images']): Promise<AcceptedImage[]> {
  const photos: AcceptedImage[] = [];
  for (const img of images.slice(0, MAX_PHOTOS)) {
    try {
      photos.push(await acceptImage(img.data));
    } catch (error) {
      if (!(error instanceof ImageRejectedError)) throw error;
    }
  }
  return photos;
}

export interface WebhookRequest {
  body: Buffer;
  timestamp: string | null;
  signature: string | null;
}

/**
 * One signed message from a machine channel. Nothing is stored unless the signature is valid,
 * fresh and not seen before; the same message id twice gives the same ticket.
 */
export async function receiveWebhook(
  db: Db,
  kind: WebhookKind,
  request: WebhookRequest,
  deps: { now: Date; storage: MediaStorage; publicUrl: string; env?: Record<string, string | undefined> },
): Promise<WebhookAnswer> {
  const secret = (deps.env ?? process.env)[WEBHOOKS[kind]]?.trim();
  if (!secret) return refuse(503, 'Kanal ini belum dikonfigurasi.', 'This channel is not configured.');
  const check = checkSignature(secret, request.timestamp, request.signature, request.body, deps.now);
  if (check !== 'ok') return SIGNATURE_ANSWER[check];

  const signature = request.signature!.replace(/^sha256=/, '');
  const fresh = await db.insert(webhookReceipts).values({ channel: kind, signature, receivedAt: deps.now }).onConflictDoNothing().returning();
  if (!fresh.length) return refuse(401, 'Permintaan ini sudah pernah diterima (diulang).', 'This request was already received (replayed).');
  try {
    const incoming = kind === 'email-mime' ? await readMime(request.body) : readJson(kind, request.body);
    if (!incoming) {
      return refuse(400, 'Isi pesan tidak valid untuk kanal ini; lihat dokumentasi kanal.', 'The message is not valid for this channel; see the channel documentation.');
    }
    const input = await toReport(db, incoming);
    const created = await createReport(db, input, deps);
    await db.delete(webhookReceipts).where(lt(webhookReceipts.receivedAt, new Date(deps.now.getTime() - 2 * REPLAY_WINDOW_SECONDS * 1000)));
    return { status: created.isNew ? 201 : 200, body: { nomor: created.number, baru: created.isNew } };
  } catch (error) {
    // not acknowledged: let the sender try again with the same signature
    await db.delete(webhookReceipts).where(and(eq(webhookReceipts.channel, kind), eq(webhookReceipts.signature, signature)));
    if (error instanceof IntakeError) {
      const message = INTAKE_MESSAGE[error.code];
      return refuse(400, message.id, message.en);
    }
    throw error;
  }
}

async function toReport(db: Db, m: Incoming): Promise<CreateReportInput> {
  // a point outside Jakarta, or an unknown category, is left for triage rather than refused
  const located = m.lat !== undefined && m.lng !== undefined && locate(m.lat, m.lng) !== null;
  const [category] = m.kategori ? await db.select({ code: categories.code }).from(categories).where(eq(categories.code, m.kategori)) : [];
  return {
    formToken: `kanal:${m.channelCode}:${m.channelRef}`,
    channelCode: m.channelCode,
    channelRef: m.channelRef,
    categoryCode: category?.code ?? null,
    description: m.description.trim().slice(0, MAX_TEXT),
    isPublic: false,
    lat: located ? m.lat! : null,
    lng: located ? m.lng! : null,
    kelurahanCode: located ? null : (m.kelurahan ?? null),
    address: null,
    reporterName: m.name?.trim().slice(0, 100) || null,
    reporterPhone: m.phone ?? null,
    reporterEmail: m.email ?? null,
    photos: await photosOf(m.images),
    allowUnlocated: true,
    replyContact: m.replyContact ?? null,
  };
}
