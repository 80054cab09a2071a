'use client';

import { useEffect, useState } from 'react';

export interface PushOptInTexts {
  title: string;
  explain: string;
  enable: string;
  disable: string;
  on: string;
  off: string;
  denied: string;
  unsupported: string;
  failed: string;
}

interface Props {
  /** The route that checks ownership: /api/lacak/{nomor}/push or /api/petugas/push. */
  route: string;
  /** The VAPID public key (base64url): the browser's applicationServerKey. */
  publicKey: string;
  /** What proves ownership besides the session (the citizen's tracking key). */
  proof?: Record<string, string>;
  language: 'id' | 'en';
  texts: PushOptInTexts;
}

type State = 'checking' | 'off' | 'on' | 'busy' | 'denied' | 'unsupported' | 'failed';

const isSupported = () => typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** The active service worker's registration; the worker registers after the page loaded. */
function registration(timeoutMs = 10_000): Promise<ServiceWorkerRegistration> {
  return Promise.race([
    navigator.serviceWorker.ready,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no service worker')), timeoutMs)),
  ]);
}

/** This browser's subscription for our key: one made with another key (new VAPID pair) is replaced. */
async function subscribe(reg: ServiceWorkerRegistration, publicKey: string): Promise<PushSubscription> {
  const key = keyBytes(publicKey);
  const existing = await reg.pushManager.getSubscription();
  const existingKey = existing?.options.applicationServerKey ? new Uint8Array(existing.options.applicationServerKey) : null;
  if (existing && existingKey && existingKey.every((b, i) => b === key[i]) && existingKey.length === key.length) return existing;
  await existing?.unsubscribe();
  return reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
}

/**
 * Push notifications on this device, on or off. Permission is asked only when the button is
 * pressed; the subscription is sent to a route that checks ownership on the server. Turning off
 * removes it there, and in the browser too unless the same browser still uses it for another
 * report or its official.
 */
export function PushOptIn({ route, publicKey, proof = {}, language, texts }: Props) {
  const [state, setState] = useState<State>('checking');

  const call = async (body: Record<string, unknown>): Promise<{ isSubscribed: boolean; isStillUsed?: boolean }> => {
    const response = await fetch(route, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...proof, ...body }) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  };

  useEffect(() => {
    let isCurrent = true;
    const settle = (next: State) => isCurrent && setState(next);
    (async () => {
      if (!isSupported()) return settle('unsupported');
      if (Notification.permission === 'denied') return settle('denied');
      const reg = await navigator.serviceWorker.getRegistration();
      const existing = await reg?.pushManager.getSubscription();
      if (!existing) return settle('off');
      const { isSubscribed } = await call({ aksi: 'status', endpoint: existing.endpoint });
      settle(isSubscribed ? 'on' : 'off');
    })().catch(() => settle('off'));
    return () => {
      isCurrent = false;
    };
    // checked once per page; the route and proof do not change while it is open
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const enable = async () => {
    setState('busy');
    try {
      if ((await Notification.requestPermission()) !== 'granted') return setState('denied');
      const subscription = await subscribe(await registration(), publicKey);
      await call({ aksi: 'daftar', langganan: subscription.toJSON(), bahasa: language });
      setState('on');
    } catch {
      setState('failed');
    }
  };

  const disable = async () => {
    setState('busy');
    try {
      const subscription = await (await registration()).pushManager.getSubscription();
      if (subscription) {
        const { isStillUsed } = await call({ aksi: 'berhenti', endpoint: subscription.endpoint });
        if (!isStillUsed) await subscription.unsubscribe();
      }
      setState('off');
    } catch {
      setState('failed');
    }
  };

  const message: Partial<Record<State, string>> = { on: texts.on, off: texts.off, denied: texts.denied, unsupported: texts.unsupported, failed: texts.failed };
  const button = 'rounded px-4 py-2 font-semibold disabled:opacity-60';
  return (
    <section className="rounded-lg border bg-white p-4 space-y-2" aria-labelledby="push-title" data-testid="push-opt-in">
      <h2 id="push-title" className="font-semibold">{texts.title}</h2>
      <p className="text-sm text-gray-700">{texts.explain}</p>
      <p role="status" className="text-sm" data-testid="push-state" data-state={state}>
        {message[state] ?? ''}
      </p>
      {state === 'on' ? (
        <button type="button" onClick={disable} className={`${button} border border-[#0f3d5e] text-[#0f3d5e]`} data-testid="push-disable">
          {texts.disable}
        </button>
      ) : state === 'off' || state === 'failed' || state === 'busy' ? (
        <button type="button" onClick={enable} disabled={state === 'busy'} className={`${button} bg-[#0f3d5e] text-white`} data-testid="push-enable">
          {texts.enable}
        </button>
      ) : null}
    </section>
  );
}
