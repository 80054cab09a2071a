import { webhookRoute } from '@/lib/channels/route';

/** POST /api/kanal/lapor: a signed message from the lapor channel (docs/KANAL.md). */
export const POST = webhookRoute('lapor');
