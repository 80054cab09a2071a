/**
 * Runs once in the server process before it serves requests: applies committed migrations,
 * starts loading the map and dashboard indexes in the background, then starts the outbox,
 * escalation, orphan-photo and WhatsApp workers in-process (PGlite allows one process per data directory, so
 * the embedded demo cannot run a separate worker; on PostgreSQL several may run at once).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Per-address limits count the TCP peer (or what a trusted proxy says): write the peer into
  // every request before Next.js sees it; a wrong ADUAN_TRUSTED_PROXIES stops the start.
  const { installPeerHeader } = await import('./lib/server/peer-header');
  installPeerHeader();
  const { checkTrustedProxiesAtStart } = await import('./lib/security/client-address');
  checkTrustedProxiesAtStart();
  // Links sent to reporters must carry the portal's real address: production never guesses it.
  const { checkPublicUrlAtStart } = await import('./lib/config/public-url-check');
  checkPublicUrlAtStart('server');
  // production without VAPID keys offers no push (the opt-in is hidden): say so once
  const { checkPushAtStart } = await import('./lib/push/vapid');
  checkPushAtStart();
  const { getDatabase } = await import('./db/client');
  const { logError } = await import('./lib/security/log-error');
  if (process.env.ADUAN_SKIP_MIGRATE !== '1') {
    const { migrate } = await import('./db/migrate');
    await migrate(getDatabase());
  }
  // The demo's published password must not open a real installation: production refuses to start
  // while any active account still accepts it, and names them (ADUAN_DEMO=1 marks a demo).
  const { checkDemoPasswordsAtStart } = await import('./lib/auth/demo-password-check');
  await checkDemoPasswordsAtStart(getDatabase().db);
  if (getDatabase().kind === 'postgres') {
    // Several instances share one database: a change made through another one (or a worker)
    // reaches this instance's page cache, map and figures through LISTEN/NOTIFY.
    const { coalesce, forwardToSelf, startChangeListener } = await import('./lib/cache/listener');
    const onError = (error: unknown) => logError('[segarkan]', error);
    await startChangeListener(process.env.DATABASE_URL!, coalesce((signal) => forwardToSelf(signal), onError), onError);
  }
  if (process.env.ADUAN_WARM_INDEXES !== '0') {
    const { keepIndexesWarm } = await import('./lib/cache/warm');
    keepIndexesWarm((error) => logError('[indeks]', error));
  }
  if (process.env.ADUAN_WORKER !== '0') {
    const { startOutboxWorker } = await import('./lib/notify/worker');
    const { createSenders } = await import('./lib/notify/senders');
    const { processPushSender } = await import('./lib/push/send');
    const { whatsAppSender } = await import('./lib/whatsapp/send');
    startOutboxWorker(getDatabase().db, createSenders(process.env, { push: processPushSender(getDatabase().db), whatsapp: whatsAppSender(getDatabase().db) }), {
      intervalMs: Number(process.env.ADUAN_WORKER_INTERVAL_MS ?? 5000),
      onError: (error) => logError('[outbox]', error),
    });
    const { startEscalationWorker } = await import('./lib/sla/escalate');
    startEscalationWorker(getDatabase().db, {
      intervalMs: Number(process.env.ADUAN_ESCALATION_INTERVAL_MS ?? 60_000),
      onError: (error) => logError('[eskalasi]', error),
    });
    const { startOrphanSweeper, sweeperSettings } = await import('./lib/media/sweep-orphans');
    const { getStorage, mediaRoot } = await import('./lib/media/storage');
    startOrphanSweeper(getDatabase().db, getStorage(), {
      ...sweeperSettings(),
      tmpRoot: mediaRoot(),
      onRun: ({ examined, removed }, isFirst) => {
        if (isFirst || removed.length > 0) console.log(`[foto] orphan sweep: ${examined} uploads checked, ${removed.length} orphans removed`);
      },
      onError: (error) => logError('[foto]', error),
    });
    // uploads accepted into quarantine are re-encoded and published here (lib/media/quarantine.ts)
    const { startPhotoWorker } = await import('./lib/media/photo-worker');
    const isEmbedded = getDatabase().kind !== 'postgres';
    startPhotoWorker(getDatabase().db, getStorage(), {
      intervalMs: Number(process.env.ADUAN_PHOTO_INTERVAL_MS ?? 2000),
      onPublished: ({ numbers }) => {
        // on PostgreSQL the worker's signal comes back through the change listener; PGlite has none
        if (!isEmbedded || numbers.length === 0) return;
        import('./lib/cache/listener')
          .then(({ forwardToSelf }) => forwardToSelf({ from: null, numbers }))
          .catch((error) => logError('[foto]', error));
      },
      onError: (error) => logError('[foto]', error),
    });
    // published photos get their robust hashes for the recycled-proof check (lib/media/photo-index.ts)
    const { startPhotoIndexer } = await import('./lib/media/photo-index');
    startPhotoIndexer(getDatabase().db, getStorage(), {
      intervalMs: Number(process.env.ADUAN_PHOTO_INDEX_INTERVAL_MS ?? 5000),
      onError: (error) => logError('[foto]', error),
    });
    const { startAlertWorker } = await import('./lib/alerts/subscriptions');
    const { publicUrl } = await import('./lib/config/public-url');
    startAlertWorker(getDatabase().db, {
      intervalMs: Number(process.env.ADUAN_ALERT_INTERVAL_MS ?? 60_000),
      site: publicUrl(),
      onError: (error) => logError('[ikuti]', error),
    });
    // WhatsApp messages stored by the webhook are answered here (lib/whatsapp/process.ts)
    const { whatsAppConfig } = await import('./lib/whatsapp/config');
    const whatsApp = whatsAppConfig();
    if (whatsApp) {
      const { startWhatsAppWorker } = await import('./lib/whatsapp/process');
      startWhatsAppWorker(getDatabase().db, () => ({ now: new Date(), storage: getStorage(), publicUrl: publicUrl(), config: whatsApp }), {
        intervalMs: Number(process.env.ADUAN_WA_INTERVAL_MS ?? 5000),
        onError: (error) => logError('[whatsapp]', error),
      });
    }
  }
}
