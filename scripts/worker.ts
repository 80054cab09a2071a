import { createDatabase } from '@/db/connect';
import { createSenders } from '@/lib/notify/senders';
import { claimLeaseMs } from '@/lib/notify/backoff';
import { startOutboxWorker } from '@/lib/notify/worker';
import { processPushSender } from '@/lib/push/send';
import { whatsAppConfig } from '@/lib/whatsapp/config';
import { startWhatsAppWorker } from '@/lib/whatsapp/process';
import { whatsAppSender } from '@/lib/whatsapp/send';
import { checkPushAtStart } from '@/lib/push/vapid';
import { startAlertWorker } from '@/lib/alerts/subscriptions';
import { publicUrl } from '@/lib/config/public-url';
import { checkPublicUrlAtStart } from '@/lib/config/public-url-check';
import { startEscalationWorker } from '@/lib/sla/escalate';
import { getStorage, mediaRoot } from '@/lib/media/storage';
import { startPhotoWorker } from '@/lib/media/photo-worker';
import { startPhotoIndexer } from '@/lib/media/photo-index';
import { startOrphanSweeper, sweeperSettings } from '@/lib/media/sweep-orphans';
import { intArg, parseArgs } from './args';

// npm run worker [-- --interval 5000 --batch 20]
// Delivers the notification outbox, publishes photos waiting in quarantine, answers stored
// WhatsApp messages and climbs the escalation ladder until SIGINT/SIGTERM. With PGlite (no
// DATABASE_URL) the data directory belongs to one process, so run the worker in-process with the
// server instead.
const args = parseArgs(process.argv.slice(2));
const intervalMs = intArg(args, 'interval', Number(process.env.ADUAN_WORKER_INTERVAL_MS ?? 5_000));
const batch = intArg(args, 'batch', 20);

const env = process.env;
// the worker sends links (alerts, reminders): production needs the portal's address
checkPublicUrlAtStart('worker', env);
const database = createDatabase();
const configured = [
  env.ADUAN_SMTP_URL ? 'email' : null,
  env.ADUAN_SMS_GATEWAY_URL ? 'sms/whatsapp' : null,
  whatsAppConfig(env) ? 'whatsapp cloud api' : null,
].filter(Boolean);
const leaseMs = claimLeaseMs(env);
console.log(
  `[worker ${process.pid}] delivering outbox (${database.kind}, every ${intervalMs} ms, batch ${batch}, lease ${leaseMs} ms; ` +
    `channels: ${configured.join(', ') || 'none configured'})`,
);

checkPushAtStart(env);
const stopOutbox = startOutboxWorker(database.db, createSenders(env, { push: processPushSender(database.db), whatsapp: whatsAppSender(database.db, env) }), {
  intervalMs,
  batch,
  leaseMs,
  onRun: ({ sent, failed }) => console.log(`[worker ${process.pid}] sent ${sent}, failed ${failed}`),
  onError: (error) => console.error('[worker] run failed:', error),
});
const stopEscalation = startEscalationWorker(database.db, {
  intervalMs: intArg(args, 'escalation-interval', Number(env.ADUAN_ESCALATION_INTERVAL_MS ?? 60_000)),
  onRun: ({ escalated, steps }) => console.log(`[worker] escalated ${escalated} tickets (${steps} steps)`),
  onError: (error) => console.error('[worker] escalation run failed:', error),
});
const stopAlerts = startAlertWorker(database.db, {
  intervalMs: Number(env.ADUAN_ALERT_INTERVAL_MS ?? 60_000),
  site: publicUrl(),
  onError: (error) => console.error('[worker] alert run failed:', error),
});
const stopSweeper = startOrphanSweeper(database.db, getStorage(), {
  ...sweeperSettings(env),
  tmpRoot: mediaRoot(),
  onRun: ({ removed }) => removed.length > 0 && console.log(`[worker] removed ${removed.length} orphan photo files`),
  onError: (error) => console.error('[worker] orphan photo sweep failed:', error),
});
const stopPhotos = startPhotoWorker(database.db, getStorage(), {
  intervalMs: intArg(args, 'photo-interval', Number(env.ADUAN_PHOTO_INTERVAL_MS ?? 2_000)),
  batch: intArg(args, 'photo-batch', 8),
  onPublished: ({ published, failed }) => console.log(`[worker ${process.pid}] photos published ${published}, unreadable ${failed}`),
  onError: (error) => console.error('[worker] photo processing failed:', error),
});
// published photos get their robust hashes (the recycled-proof index), old ones included
const stopIndexer = startPhotoIndexer(database.db, getStorage(), {
  intervalMs: intArg(args, 'photo-index-interval', Number(env.ADUAN_PHOTO_INDEX_INTERVAL_MS ?? 5_000)),
  onError: (error) => console.error('[worker] photo indexing failed:', error),
});
// WhatsApp messages stored by the webhook (any instance) are answered here
const whatsApp = whatsAppConfig(env);
const stopWhatsApp = whatsApp
  ? startWhatsAppWorker(database.db, () => ({ now: new Date(), storage: getStorage(), publicUrl: publicUrl(), config: whatsApp }), {
      intervalMs: intArg(args, 'whatsapp-interval', Number(env.ADUAN_WA_INTERVAL_MS ?? 2_000)),
      onError: (error) => console.error('[worker] whatsapp processing failed:', error),
    })
  : async () => {};
const stop = () => Promise.all([stopOutbox(), stopEscalation(), stopAlerts(), stopSweeper(), stopPhotos(), stopIndexer(), stopWhatsApp()]);

let isStopping = false;
async function shutdown(signal: NodeJS.Signals) {
  if (isStopping) return;
  isStopping = true;
  console.log(`[worker] ${signal}: finishing the current batch…`);
  await stop();
  await database.close();
  console.log('[worker] stopped');
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => void shutdown(signal));
