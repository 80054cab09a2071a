import nodemailer from 'nodemailer';
import type { OutboxRow } from '@/db/queries/outbox';
import { isNotificationKind, type NotificationKind } from './kinds';

/** What a sender needs from an outbox row. */
export type OutgoingMessage = Pick<OutboxRow, 'kind' | 'recipient' | 'subject' | 'body'>;

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
 *   `Authorization: Bearer ADUAN_SMS_GATEWAY_TOKEN` when set; any non-2xx answer is a failure.
 * An unconfigured channel fails loudly, so its rows stay visible and retry instead of being
 * marked sent.
 */
export function createSenders(env: Env = process.env): Senders {
  const sendEmail = emailSender(env);
  const sendViaGateway = gatewaySender(env);
  return {
    async send(message) {
      const kind = message.kind;
      if (!isNotificationKind(kind)) throw new Error(`Jenis notifikasi tidak dikenal: ${kind}`);
      switch (kind) {
        case 'email':
          return sendEmail(message);
        case 'sms':
        case 'whatsapp':
          return sendViaGateway(kind, message);
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
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(`Pengiriman email gagal: ${detail}`);
    }
  };
}

function gatewaySender(env: Env) {
  const url = env.ADUAN_SMS_GATEWAY_URL?.trim();
  const token = env.ADUAN_SMS_GATEWAY_TOKEN?.trim();
  return async (kind: Exclude<NotificationKind, 'email'>, message: OutgoingMessage) => {
    const label = kind === 'sms' ? 'SMS' : 'WhatsApp';
    if (!url)
      throw new Error(`Gateway ${label} belum dikonfigurasi (ADUAN_SMS_GATEWAY_URL kosong)`);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ to: message.recipient, body: message.body, kind }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new Error(`Gateway ${label} tidak dapat dihubungi (${networkCode(error)})`);
    }
    // Drain the body so the connection is released; the content is not needed.
    await response.body?.cancel().catch(() => {});
    if (!response.ok) throw new Error(`Gateway ${label} menjawab HTTP ${response.status}`);
  };
}

/** A short cause for a failed fetch ("ECONNREFUSED", "TimeoutError"), never the URL or token. */
function networkCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } })?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (error instanceof Error && error.name !== 'TypeError') return error.name;
  return 'kesalahan jaringan';
}
