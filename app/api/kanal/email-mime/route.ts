import { webhookRoute } from '@/lib/channels/route';

/** POST /api/kanal/email-mime: a signed message from the email-mime channel (docs/KANAL.md). */
export const POST = webhookRoute('email-mime');
