/** Applies committed migrations once, in the server process, before it serves requests. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.ADUAN_SKIP_MIGRATE === '1') return;
  const { getDatabase } = await import('./db/client');
  const { migrate } = await import('./db/migrate');
  await migrate(getDatabase());
}
