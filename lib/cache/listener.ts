import { createHmac, timingSafeEqual } from 'node:crypto';
import postgres from 'postgres';
import { serverSecret } from '@/lib/security/secret';
import { CHANGE_CHANNEL, decodeSignal, encodeSignal, INSTANCE_ID, type ChangeSignal } from './signal';

/** Where this instance's own internal route is reached from inside the process. */
export function selfUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.ADUAN_INTERNAL_URL ?? `http://127.0.0.1:${env.PORT ?? 3000}`).replace(/\/$/, '');
}

export const SIGNATURE_HEADER = 'x-aduan-tanda';

export function signPayload(payload: string): string {
  return createHmac('sha256', serverSecret()).update(`segarkan:${payload}`).digest('base64url');
}

export function isSignedPayload(payload: string, signature: string | null): boolean {
  if (!signature) return false;
  const a = Buffer.from(signPayload(payload));
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Listens on the change channel with a connection of its own and hands every signal from another
 * process to `onSignal`. postgres.js reconnects by itself; signals sent while the connection was
 * down are lost, so after a reconnect everything is treated as changed. Returns a stop function.
 */
export async function startChangeListener(
  url: string,
  onSignal: (signal: ChangeSignal) => Promise<void>,
  onError: (error: unknown) => void,
): Promise<() => Promise<void>> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  let isFirst = true;
  const handle = (signal: ChangeSignal) => {
    if (signal.from === INSTANCE_ID) return;
    onSignal(signal).catch(onError);
  };
  await client.listen(CHANGE_CHANNEL, (payload) => handle(decodeSignal(payload)), () => {
    if (!isFirst) handle({ from: null, numbers: null });
    isFirst = false;
  });
  return () => client.end({ timeout: 5 });
}

/**
 * Forwards a signal to this instance's internal route: Next's page cache can only be revalidated
 * from inside a request, and the route runs the same invalidation as a local change.
 */
export async function forwardToSelf(signal: ChangeSignal, base = selfUrl()): Promise<void> {
  const payload = encodeSignal(signal);
  const answer = await fetch(`${base}/api/intern/segarkan`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signPayload(payload) },
    body: payload,
    signal: AbortSignal.timeout(10_000),
  });
  if (!answer.ok) throw new Error(`segarkan answered ${answer.status}`);
}

/**
 * Gathers the signals that arrive within `ms` into one, so that a burst of changes costs one
 * revalidation and one catch-up of the indexes instead of one per change.
 */
export function coalesce(send: (signal: ChangeSignal) => Promise<void>, onError: (error: unknown) => void, ms = 50) {
  let numbers: Set<string> | null = new Set();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return async (signal: ChangeSignal): Promise<void> => {
    if (signal.numbers && numbers) for (const n of signal.numbers) numbers.add(n);
    else numbers = null;
    timer ??= setTimeout(() => {
      const merged: ChangeSignal = { from: null, numbers: numbers && numbers.size <= 200 ? [...numbers] : null };
      numbers = new Set();
      timer = undefined;
      send(merged).catch(onError);
    }, ms);
  };
}
