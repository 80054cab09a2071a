import { webhookRoute } from '@/lib/channels/route';

/** POST /api/kanal/sms: a signed message from the sms channel (docs/KANAL.md). */
export const POST = webhookRoute('sms');
