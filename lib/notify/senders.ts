import nodemailer from 'nodemailer';
import type { OutboxRow } from '@/db/queries/outbox';
import { parseSocialContact } from '@/lib/channels/contact';
import { isNotificationKind } from './kinds';

/** What a sender needs from an outbox row. */
export type OutgoingMessage = Pick<OutboxRow, 'kind' | 'recipient' | 'subject' | 'body'> & { id?: number; headers?: unknown; reportId?: number | null };

export interface Senders {
  /** Delivers one message or throws an error whose message is safe to store and show staff. */
  send(message: OutgoingMessage): Promise<void>;
}

export const DEFAULT_MAIL_FROM = 'Aduan Jakarta <noreply@aduan.local>';
const DEFAULT_SUBJECT = 'Pemberitahuan Aduan Jakarta';
// Well inside the claim lease (5 min), so a slow channel cannot cause a double delivery.
const TIMEOUT_MS = 30_000;

type Env = Record<string, string | undefined>;

/**
 * Delivery by kind, configured from the environment:
 * - email: ADUAN_SMTP_URL (smtp:// or smtps://, credentials in the URL), ADUAN_MAIL_FROM;
 * - sms/whatsapp: ADUAN_SMS_GATEWAY_URL receives POST { to, body, kind } as JSON, with
 *   `Authorization: Bearer ADUAN_SMS_GATEWAY_TOKEN` when set; any non-2xx answer is a failure;
 * - sosmed (a reply under the citizen's post) and lapor (status back to LAPOR!): see below.
 * - push: Web Push through `deps.push` (lib/push/send.ts, which needs the database);
 * - whatsapp to a conversation (`wa:<id>`): the WhatsApp Cloud API through `deps.whatsapp`
 *   (lib/whatsapp/send.ts); a bare number still goes to the SMS gateway with kind whatsapp.
 * An unconfigured channel fails loudly, so its rows stay visible and retry instead of being
 * marked sent.
 */
export function createSenders(
  env: Env = process.env,
  deps: { push?: (message: OutgoingMessage) => Promise<void>; whatsapp?: (message: OutgoingMessage) => Promise<void> } = {},
): Senders {
  const sendEmail = emailSender(env);
  const sendViaGateway = gatewaySender(env);
  const sendSocial = socialSender(env);
  const sendLapor = laporSender(env);
  return {
    async send(message) {
      const kind = message.kind;
      if (!isNotificationKind(kind)) throw new Error(`Jenis notifikasi tidak dikenal: ${kind}`);
      switch (kind) {
        case 'email':
          return sendEmail(message);
        case 'whatsapp':
          if (message.recipient.startsWith('wa:')) {
            if (!deps.whatsapp) throw new Error('WhatsApp Cloud API tidak tersedia di proses ini');
            return deps.whatsapp(message);
          }
          return sendViaGateway(kind, message);
        case 'sms':
          return sendViaGateway(kind, message);
        case 'sosmed':
          return sendSocial(message);
        case 'lapor':
          return sendLapor(message);
        case 'push':
          if (!deps.push) throw new Error('Web Push tidak tersedia di proses ini');
          return deps.push(message);
        default:
          return kind satisfies never;
      }
    },
  };
}

function emailSender(env: Env) {
  const url = env.ADUAN_SMTP_URL?.trim();
  const from = env.ADUAN_MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
  const transport = url
    ? nodemailer.createTransport({
        url,
        connectionTimeout: TIMEOUT_MS,
        greetingTimeout: TIMEOUT_MS,
        socketTimeout: TIMEOUT_MS,
      })
    : null;
  return async (message: OutgoingMessage) => {
    if (!transport) throw new Error('SMTP belum dikonfigurasi (ADUAN_SMTP_URL kosong)');
    try {
      await transport.sendMail({
        from,
        to: message.recipient,
        subject: message.subject || DEFAULT_SUBJECT,
        text: message.body,
        headers: (message.headers as Record<string, string> | null) ?? undefined,
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(`Pengiriman email gagal: ${detail}`);
    }
  };
}

/** POSTs JSON to a gateway; any non-2xx answer, or no answer, is a failure with a safe message. */
function jsonGateway(url: string | undefined, token: string | undefined, label: string, setting: string) {
  return async (payload: Record<string, unknown>) => {
    if (!url) throw new Error(`Gateway ${label} belum dikonfigurasi (${setting} kosong)`);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(payload), signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new Error(`Gateway ${label} tidak dapat dihubungi (${networkCode(error)})`);
    }
    // Drain the body so the connection is released; the content is not needed.
    await response.body?.cancel().catch(() => {});
    if (!response.ok) throw new Error(`Gateway ${label} menjawab HTTP ${response.status}`);
  };
}

function gatewaySender(env: Env) {
  const url = env.ADUAN_SMS_GATEWAY_URL?.trim();
  const token = env.ADUAN_SMS_GATEWAY_TOKEN?.trim();
  const sms = jsonGateway(url, token, 'SMS', 'ADUAN_SMS_GATEWAY_URL');
  const whatsapp = jsonGateway(url, token, 'WhatsApp', 'ADUAN_SMS_GATEWAY_URL');
  return (kind: 'sms' | 'whatsapp', message: OutgoingMessage) =>
    (kind === 'sms' ? sms : whatsapp)({ to: message.recipient, body: message.body, kind });
}

/**
 * Replies under social-media posts: ADUAN_SOCIAL_GATEWAY_URL receives POST
 * { platform, inReplyTo, to, body } (Bearer ADUAN_SOCIAL_GATEWAY_TOKEN when set).
 */
function socialSender(env: Env) {
  const post = jsonGateway(env.ADUAN_SOCIAL_GATEWAY_URL?.trim(), env.ADUAN_SOCIAL_GATEWAY_TOKEN?.trim(), 'media sosial', 'ADUAN_SOCIAL_GATEWAY_URL');
  return (message: OutgoingMessage) => {
    const to = parseSocialContact(message.recipient);
    if (!to) throw new Error('Alamat balasan media sosial tidak valid');
    return post({ platform: to.platform, inReplyTo: to.postId, to: to.author, body: message.body });
  };
}

/** Status back to LAPOR!: ADUAN_LAPOR_GATEWAY_URL receives POST { trackingId, body }. */
function laporSender(env: Env) {
  const post = jsonGateway(env.ADUAN_LAPOR_GATEWAY_URL?.trim(), env.ADUAN_LAPOR_GATEWAY_TOKEN?.trim(), 'LAPOR!', 'ADUAN_LAPOR_GATEWAY_URL');
  return (message: OutgoingMessage) => post({ trackingId: message.recipient.replace(/^lapor:/, ''), body: message.body });
}

/** A short cause for a failed fetch ("ECONNREFUSED", "TimeoutError"), never the URL or token. */
function networkCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } })?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (error instanceof Error && error.name !== 'TypeError') return error.name;
  return 'kesalahan jaringan';
}
