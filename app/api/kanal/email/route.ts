import { webhookRoute } from '@/lib/channels/route';

/** POST /api/kanal/email: a signed message from the email channel (docs/KANAL.md). */
export const POST = webhookRoute('email');
