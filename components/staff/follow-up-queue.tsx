'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { requestBackgroundSend } from '@/components/offline/background-send';
import { putOutbox } from '@/components/offline/outbox-store';
import { fieldsOf, formDataOf, postForm, randomToken } from '@/components/offline/post-form';
import { useOutbox } from '@/components/offline/use-outbox';
import { followUpOutcome, newOutboxItem, type OutboxItem, type SendOutcome } from '@/lib/offline/outbox';

/** One queued follow-up to the follow-up route; no answer (or no connection) leaves it waiting. */
async function sendFollowUp(item: OutboxItem): Promise<SendOutcome> {
  try {
    const answer = await postForm('/api/petugas/tindak-lanjut', formDataOf(item.fields), { timeoutMs: 180_000 });
    return followUpOutcome(answer.status, answer.body);
  } catch {
    return { kind: 'coba_lagi' };
  }
}

/**
 * Inside the follow-up form: names the official it is written by (the server refuses it under
 * another session), and without a connection keeps it on this phone instead of a failed send.
 * With a connection the form goes as always (it works without JavaScript).
 */
export function OfflineFollowUp({ userId, number }: { userId: number; number: string }) {
  const t = useTranslations('petugas.ticket');
  const ref = useRef<HTMLInputElement>(null);
  const [isQueued, setQueued] = useState(false);

  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    const onSubmit = (event: SubmitEvent) => {
      if (navigator.onLine !== false) return;
      // React's own handler (the server action) never sees it
      event.preventDefault();
      event.stopPropagation();
      const item = newOutboxItem('tindak_lanjut', fieldsOf(new FormData(form)), { id: randomToken(), now: Date.now(), userId, ticket: number });
      void putOutbox(item).then(() => {
        void requestBackgroundSend();
        form.reset();
        setQueued(true);
      });
    };
    form.addEventListener('submit', onSubmit, { capture: true });
    return () => form.removeEventListener('submit', onSubmit, { capture: true });
  }, [userId, number]);

  return (
    <>
      <input ref={ref} type="hidden" name="petugas" value={userId} />
      {isQueued ? (
        <p role="status" className="rounded border border-amber-400 bg-amber-50 p-2" data-testid="follow-up-queued">
          {t('followUpQueued')}
        </p>
      ) : null}
    </>
  );
}

/** The signed-in official's queued follow-ups on this phone and their state, sent when the connection returns. */
export function FollowUpQueue({ userId }: { userId: number }) {
  const t = useTranslations('petugas.ticket');
  const locale = useLocale();
  const router = useRouter();
  const { items, remove } = useOutbox('tindak_lanjut', userId, sendFollowUp);
  const seen = useRef(new Set<string>());

  // a follow-up that arrived changed the ticket: show the page as it is now
  useEffect(() => {
    const arrived = items.filter((i) => i.state === 'terkirim' && !seen.current.has(i.id));
    for (const i of arrived) seen.current.add(i.id);
    if (arrived.length > 0) router.refresh();
  }, [items, router]);

  if (items.length === 0) return null;
  const state = (item: OutboxItem) => {
    if (item.state === 'menunggu') return t('followUpWaiting');
    if (item.state === 'mengirim') return t('followUpSending');
    if (item.state === 'terkirim') return t('followUpSent');
    if (item.refusal?.code === 'versi_berubah') return t('followUpConflict', { text: String(item.fields.find(([n]) => n === 'keterangan')?.[1] ?? '') });
    const message = item.refusal?.message;
    return t('followUpRefused', { reason: message ? (locale === 'en' ? message.en : message.id) : (item.refusal?.code ?? '') });
  };

  return (
    <section className="space-y-2 rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm" data-testid="follow-up-queue">
      <h2 className="font-semibold">{t('followUpQueue')}</h2>
      <ul className="space-y-2">
        {items.map((item) => (
          <li key={item.id} data-testid="follow-up-item" data-state={item.state}>
            {t('followUpItem', { number: item.summary.ticket ?? '', text: item.summary.text, photos: item.summary.photos })}
            {' — '}
            <strong data-testid="follow-up-state">{state(item)}</strong>
            {item.state === 'terkirim' || item.state === 'ditolak' ? (
              <span className="ml-2 inline-flex gap-2">
                {item.refusal?.code === 'versi_berubah' ? (
                  <button type="button" className="underline" onClick={() => window.location.reload()}>{t('followUpReload')}</button>
                ) : null}
                <button type="button" className="underline" onClick={() => void remove(item.id)}>{t('followUpDismiss')}</button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
