'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { OutboxItem } from '@/lib/offline/outbox';

interface Props {
  items: OutboxItem[];
  /** a report was put in the queue just now, on this page */
  justQueued: boolean;
  onEdit: (item: OutboxItem) => void;
  onRemove: (id: string) => void;
  onSendNow: () => void;
}

const box = 'space-y-2 rounded-lg border p-4';
const button = 'min-h-11 rounded border px-3 font-semibold';

/** The reports of this phone's offline queue: waiting, filed (with their ticket) and refused. */
export function ReportQueue({ items, justQueued, onEdit, onRemove, onSendNow }: Props) {
  const t = useTranslations('lapor');
  const locale = useLocale();
  const waiting = items.filter((i) => i.state === 'menunggu' || i.state === 'mengirim');
  const sent = items.filter((i) => i.state === 'terkirim');
  const refused = items.filter((i) => i.state === 'ditolak');
  const time = (ms: number) => new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(ms);
  const line = (item: OutboxItem) => t('queueItem', { text: item.summary.text, photos: item.summary.photos, time: time(item.createdAt) });
  const reason = (item: OutboxItem) => {
    const code = item.refusal?.code ?? '';
    if (t.has(`errors.${code}` as 'errors.lokasi_wajib')) return t(`errors.${code}` as 'errors.lokasi_wajib');
    const message = item.refusal?.message;
    return message ? (locale === 'en' ? message.en : message.id) : t('notSent');
  };

  return (
    <>
      {waiting.length > 0 ? (
        <section className={`${box} border-amber-400 bg-amber-50`} role="status" data-testid="queue-waiting">
          <h2 className="font-bold">{t('queueTitle')}</h2>
          {justQueued ? <p className="text-sm">{t('queueSaved')}</p> : null}
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {waiting.map((item) => (
              <li key={item.id} data-testid="queue-item">
                {line(item)} — <em>{item.state === 'mengirim' ? t('queueSending') : item.attempts > 0 ? t('queueRetry') : t('queueWaiting')}</em>
              </li>
            ))}
          </ul>
          <button type="button" className={`${button} border-gray-700`} onClick={onSendNow}>
            {t('queueSendNow')}
          </button>
        </section>
      ) : null}
      {sent.length > 0 ? (
        <section className={`${box} border-green-300 bg-green-50`} role="status" data-testid="queue-sent">
          <h2 className="font-bold">{t('queueSentTitle')}</h2>
          {sent.map((item) => (
            <div key={item.id} className="space-y-1 border-t border-green-200 pt-2 first:border-0 first:pt-0" data-testid="queue-sent-item">
              <p className="text-sm">{line(item)}</p>
              <p>
                {t('doneNumber')}: <strong className="font-mono text-xl" data-testid="queue-number">{item.number}</strong>
              </p>
              {item.trackingUrl ? (
                <p className="break-all rounded bg-white p-2 font-mono text-sm">
                  <a href={item.trackingUrl} className="underline" data-testid="queue-tracking-link">{`${window.location.origin}${item.trackingUrl}`}</a>
                </p>
              ) : null}
              <button type="button" className={`${button} border-green-800`} onClick={() => onRemove(item.id)}>
                {t('queueDismiss')}
              </button>
            </div>
          ))}
        </section>
      ) : null}
      {refused.map((item) => (
        <section key={item.id} className={`${box} border-red-300 bg-red-50`} role="alert" data-testid="queue-refused">
          <h2 className="font-bold">{t('queueRefusedTitle')}</h2>
          <p className="text-sm">{line(item)}</p>
          <p className="text-sm text-red-800">{reason(item)}</p>
          <p className="flex flex-wrap gap-2">
            <button type="button" className={`${button} border-red-800`} onClick={() => onEdit(item)}>{t('queueEdit')}</button>
            <button type="button" className={`${button} border-gray-700`} onClick={() => onRemove(item.id)}>{t('queueDelete')}</button>
          </p>
        </section>
      ))}
    </>
  );
}
