'use client';

import { useState, type ComponentProps } from 'react';
import { requestBackgroundSend } from '@/components/offline/background-send';
import { putOutbox } from '@/components/offline/outbox-store';
import { fieldsOf, formDataOf, postForm, randomToken } from '@/components/offline/post-form';
import { useOutbox } from '@/components/offline/use-outbox';
import { newOutboxItem, reportOutcome, type OutboxItem, type SendOutcome } from '@/lib/offline/outbox';
import { clearDraft, saveDraftFromFields } from './report-draft';
import { ReportForm } from './report-form';
import { ReportQueue } from './report-queue';
import { sendDeadlineMs } from './send-report';

type Props = Omit<ComponentProps<typeof ReportForm>, 'onOffline' | 'initialPhotos'>;

/** One queued report to the upload route; no answer (or no connection) leaves it waiting. */
async function sendQueued(item: OutboxItem): Promise<SendOutcome> {
  const data = formDataOf(item.fields);
  try {
    const answer = await postForm('/api/laporan/kirim', data, { timeoutMs: sendDeadlineMs(data) });
    return reportOutcome(answer.status, answer.body);
  } catch {
    // no connection, a dropped link or no answer in time: it waits for the next chance
    return { kind: 'coba_lagi' };
  }
}

/**
 * The /lapor form and the offline queue of this phone. A report written without a connection
 * is kept (IndexedDB) with its form token and sent when the connection returns or the page is
 * opened again; the form is then empty again, with a new token, for another report. A refused
 * report from the queue can be put back into the form to be corrected.
 */
export function ReportIntake(props: Props) {
  const [form, setForm] = useState<{ token: string; photos?: File[]; key: number }>({ token: props.formToken, key: 0 });
  const [justQueued, setJustQueued] = useState(false);
  const outbox = useOutbox('laporan', null, sendQueued);

  const onOffline = async (data: FormData): Promise<boolean> => {
    try {
      await putOutbox(newOutboxItem('laporan', fieldsOf(data), { id: randomToken(), now: Date.now() }));
    } catch {
      return false;
    }
    // sent by the service worker when the connection is back, even with the app closed
    void requestBackgroundSend();
    clearDraft();
    setJustQueued(true);
    setForm((f) => ({ token: randomToken(), key: f.key + 1 }));
    await outbox.refresh();
    return true;
  };

  const edit = async (item: OutboxItem) => {
    saveDraftFromFields(item.fields);
    const token = item.fields.find(([name]) => name === 'formToken')?.[1];
    const photos = item.fields.flatMap(([name, value]) => (name === 'foto' && typeof value !== 'string' ? [value] : []));
    await outbox.remove(item.id);
    setJustQueued(false);
    // the refused report filed nothing: its token may be used again
    setForm((f) => ({ token: typeof token === 'string' ? token : randomToken(), photos, key: f.key + 1 }));
  };

  return (
    <div className="space-y-5">
      <ReportQueue items={outbox.items} justQueued={justQueued} onEdit={edit} onRemove={outbox.remove} onSendNow={outbox.sendNow} />
      <ReportForm key={form.key} {...props} formToken={form.token} initialPhotos={form.photos} onOffline={onOffline} />
    </div>
  );
}
