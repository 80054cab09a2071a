import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { AfterPhotoInput } from '@/components/staff/after-photo-input';
import { OfflineFollowUp } from '@/components/staff/follow-up-queue';
import type { ActionChoice, ActionTarget } from '@/db/queries/staff-actions';
import { NEEDS_CONFIRMATION, type StaffAction } from '@/lib/auth/permissions';
import { staffTicketAction } from './actions';

const field = 'w-full rounded border border-gray-500 px-3 py-2 text-sm';

/** Actions whose form carries a free text, and those where it must be filled. */
const WITH_NOTE: readonly StaffAction[] = ['tanggapan', 'catatan', 'validasi_tolak', 'tolak', 'estimasi', 'tindak_lanjut', 'koordinasi', 'disposisi'];

interface Props {
  choice: ActionChoice;
  report: { number: string; version: number };
  /** A target the form may offer first (the category's agency, the ticket's kelurahan office); never for actions that need confirmation. */
  suggested?: string | null;
  /** Accepting a flagged or disputed follow-up takes a written reason. */
  needsReason?: boolean;
  /** The earliest day a deadline may be set (YYYY-MM-DD, WIB). */
  today: string;
  /** The signed-in official: a follow-up kept offline is sent only under their session. */
  userId: number;
}

/**
 * One action of the ticket workspace as a form that works without JavaScript. Only actions that
 * can be taken reach here, each with its non-empty targets (findActionChoices); destructive ones
 * preselect nothing and ask for a tick before they are sent (checked again on the server).
 */
export async function ActionForm({ choice, report, suggested, needsReason, today, userId }: Props) {
  const t = await getTranslations('petugas.ticket');
  const { action, targets } = choice;
  const title = t(`action.${action}`);
  const confirm = NEEDS_CONFIRMATION.includes(action);
  const preset = !confirm && suggested && targets?.some((u) => u.code === suggested) ? suggested : '';
  const options = (list: ActionTarget[]) => list.map((u) => <option key={u.code} value={u.code}>{u.name}</option>);
  const pick = (name: 'instansi' | 'kelurahan', label: string, grouped = false) => (
    <select name={name} required aria-label={label} className={field} defaultValue={preset}>
      <option value="" disabled>
        {t('choose')}
      </option>
      {grouped
        ? (['kelurahan', 'kecamatan', 'sudin'] as const).map((kind) => {
            const inGroup = targets!.filter((u) => u.kind === kind);
            return inGroup.length ? (
              <optgroup key={kind} label={t(`groups.${kind}`)}>
                {options(inGroup)}
              </optgroup>
            ) : null;
          })
        : options(targets!)}
    </select>
  );

  return (
    <form action={staffTicketAction} className={`space-y-2 rounded-lg border bg-white p-3 text-sm ${confirm ? 'border-red-300' : ''}`} data-testid={`action-${action}`}>
      <input type="hidden" name="nomor" value={report.number} />
      <input type="hidden" name="versi" value={report.version} />
      <input type="hidden" name="aksi" value={action} />
      <h2 className="font-semibold">{title}</h2>
      {action === 'koordinasi' || action === 'disposisi' || action === 'tugaskan' ? pick('instansi', t(action === 'disposisi' ? 'targetSudin' : 'targetAgency')) : null}
      {action === 'alihkan' ? pick('kelurahan', t('targetKelurahan')) : null}
      {action === 'instruksi' ? (
        <>
          {pick('instansi', t('targetUnit'), true)}
          <label className="block space-y-1">
            <span>{t('deadlineDate')}</span>
            <input type="date" name="batas" required min={today} className={field} />
          </label>
          <textarea name="keterangan" rows={3} required aria-label={t('instructionText')} placeholder={t('instructionText')} className={field} />
        </>
      ) : null}
      {action === 'eskalasi' ? (
        <>
          <p data-testid="escalates-to">{t('escalateTo', { unit: choice.reaches ?? '' })}</p>
          <textarea name="keterangan" rows={2} required aria-label={t('escalateReason')} placeholder={t('escalateReason')} className={field} />
        </>
      ) : null}
      {action === 'tugaskan' ? <textarea name="keterangan" rows={2} aria-label={t('reassignNote')} placeholder={t('reassignNote')} className={field} /> : null}
      {action === 'estimasi' ? <input type="date" name="estimasi" required min={today} aria-label={t('estimateDate')} className={field} /> : null}
      {action === 'tolak' ? (
        <>
          <select name="alasan" required aria-label={t('rejectReason')} className={field} defaultValue="">
            <option value="" disabled>
              {t('choose')}
            </option>
            <option value="tidak_valid">{t('invalid')}</option>
            <option value="bukan_kewenangan">{t('notOurs')}</option>
            <option value="duplikat">{t('duplicate')}</option>
          </select>
          <input name="asli" placeholder={t('originalPlaceholder')} aria-label={t('original')} className={field} />
        </>
      ) : null}
      {action === 'tindak_lanjut' ? (
        <NextIntlClientProvider messages={{ petugas: { ticket: await afterPhotoMessages() } }}>
          <AfterPhotoInput label={t('afterPhoto')} />
          <OfflineFollowUp userId={userId} number={report.number} />
        </NextIntlClientProvider>
      ) : null}
      {WITH_NOTE.includes(action) ? <textarea name="keterangan" rows={2} aria-label={`${t('note')}: ${title}`} placeholder={t('note')} className={field} /> : null}
      {action === 'validasi_terima' && needsReason ? (
        <textarea name="keterangan" rows={2} required aria-label={t('proof.reason')} placeholder={t('proof.reason')} className={field} />
      ) : null}
      {confirm ? (
        <label className="flex items-start gap-2 font-medium text-red-800">
          <input type="checkbox" name="yakin" value="1" required className="mt-1" />
          <span>{t(`confirm.${action as 'alihkan' | 'tolak' | 'tugaskan'}`)}</span>
        </label>
      ) : null}
      <button className={`rounded px-3 py-1.5 font-semibold text-white ${confirm ? 'bg-red-800' : 'bg-[#0f3d5e]'}`}>{title.split(' (')[0]}</button>
    </form>
  );
}

/** Only the texts the after-photo field and the offline queue show in the browser. */
export async function afterPhotoMessages() {
  const ticket = (await getMessages()).petugas.ticket;
  const { afterPhotoPreparing, afterPhotoSize } = ticket;
  return { afterPhotoPreparing, afterPhotoSize, ...Object.fromEntries(Object.entries(ticket).filter(([key]) => key.startsWith('followUp'))) };
}
