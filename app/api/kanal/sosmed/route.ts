import { webhookRoute } from '@/lib/channels/route';

/** POST /api/kanal/sosmed: a signed message from the sosmed channel (docs/KANAL.md). */
export const POST = webhookRoute('sosmed');
