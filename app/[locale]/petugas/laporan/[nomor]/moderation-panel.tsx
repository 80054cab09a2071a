import { getTranslations } from 'next-intl/server';
import { publicText } from '@/db/queries/public';
import type { getStaffTicket } from '@/db/queries/staff-ticket';
import { canModerate, type ModerationAction, type StaffUser } from '@/lib/auth/permissions';
import { PUBLIC_TEXT_MAX } from '@/lib/staff/moderate';
import { moderationAction } from './actions';

type StaffTicket = NonNullable<Awaited<ReturnType<typeof getStaffTicket>>>;
type Photo = StaffTicket['photos'][number];

const field = 'w-full rounded border border-gray-500 px-3 py-2 text-sm';
const button = 'rounded border border-[#0f3d5e] px-3 py-1.5 font-semibold text-[#0f3d5e]';

/** What this user may do to the public view of a ticket: its text, and each photo. */
function moderationRights(user: StaffUser, ticket: StaffTicket) {
  const { scope } = ticket;
  const text = (['sunting_teks', 'sembunyikan_teks', 'pulihkan_teks'] as const).filter((a) => canModerate(user, a, scope));
  const photoActions = (p: Photo): ModerationAction[] => {
    const hide: ModerationAction = p.hiddenAt ? 'tampilkan_foto' : 'sembunyikan_foto';
    const publish: ModerationAction = p.isPublishable ? 'foto_tidak_publik' : 'foto_publik';
    // "publishable" only decides anything for an official's after-photo of a private report
    const candidates = p.kind === 'sesudah' && !ticket.report.isPublic ? [hide, publish] : [hide];
    return candidates.filter((a) => canModerate(user, a, scope, p));
  };
  const photos = ticket.photos.map((p) => ({ photo: p, actions: photoActions(p) })).filter((p) => p.actions.length > 0);
  return { text, photos, any: text.length > 0 || photos.length > 0 };
}

/**
 * The "Moderasi" section of the ticket workspace: the text as filed next to what the public
 * sees, and server-rendered forms to edit, hide or restore it and to hide or publish photos.
 * Every form asks for a reason; moderateReport checks everything again on the server.
 */
export async function ModerationPanel({ user, ticket }: { user: StaffUser; ticket: StaffTicket }) {
  const t = await getTranslations('petugas.ticket.moderation');
  const tPhoto = await getTranslations('petugas.ticket');
  const rights = moderationRights(user, ticket);
  if (!rights.any) return null;
  const { report } = ticket;
  const shown = report.publicDescription ?? report.description;
  const state = report.isTextHidden ? t('hidden') : report.publicDescription !== null ? t('edited') : t('asFiled');
  const reason = (
    <input name="alasan" required minLength={5} maxLength={500} aria-label={t('reason')} placeholder={t('reason')} className={field} />
  );
  const hidden = (
    <>
      <input type="hidden" name="nomor" value={report.number} />
      <input type="hidden" name="versi" value={report.version} />
    </>
  );
  const label: Record<ModerationAction, string> = {
    sunting_teks: t('edit'),
    sembunyikan_teks: t('hide'),
    pulihkan_teks: t('restore'),
    sembunyikan_foto: t('hidePhoto'),
    tampilkan_foto: t('showPhoto'),
    foto_publik: t('publish'),
    foto_tidak_publik: t('unpublish'),
  };

  return (
    <section id="moderasi" className="space-y-3 rounded-lg border bg-white p-4 text-sm" data-testid="moderation">
      <h2 className="text-base font-semibold">{t('title')}</h2>
      <p>{t('intro')}</p>
      {rights.text.length > 0 && !report.isPublic ? <p>{t('privateText')}</p> : null}
      {rights.text.length > 0 && report.isPublic ? (
        <div className="space-y-2">
          <div className="grid gap-3 md:grid-cols-2">
            <div>
              <h3 className="font-semibold">{t('original')}</h3>
              <p className="whitespace-pre-line rounded bg-slate-50 p-2" data-testid="moderation-original">{report.description}</p>
            </div>
            <div>
              <h3 className="font-semibold">
                {t('current')} ({state})
              </h3>
              <p className="whitespace-pre-line rounded bg-slate-50 p-2" data-testid="moderation-public">
                {report.isTextHidden ? t('textHidden') : publicText(shown)}
              </p>
              <p className="text-xs text-gray-700">{t('masked')}</p>
            </div>
          </div>
          <form action={moderationAction} className="space-y-2" data-testid="moderation-text">
            {hidden}
            <input type="hidden" name="foto" value="" />
            <label className="block space-y-1">
              <span>{t('newText')}</span>
              <textarea name="teks" rows={4} maxLength={PUBLIC_TEXT_MAX} defaultValue={shown} className={field} />
            </label>
            {reason}
            <div className="flex flex-wrap gap-2">
              <button name="apa" value="sunting_teks" className={button}>{label.sunting_teks}</button>
              {!report.isTextHidden ? <button name="apa" value="sembunyikan_teks" className={button}>{label.sembunyikan_teks}</button> : null}
              {report.isTextHidden || report.publicDescription !== null ? (
                <button name="apa" value="pulihkan_teks" className={button}>{label.pulihkan_teks}</button>
              ) : null}
            </div>
          </form>
        </div>
      ) : null}
      {rights.photos.length > 0 ? (
        <div className="space-y-2">
          <h3 className="font-semibold">{t('photos')}</h3>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {rights.photos.map(({ photo: p, actions }) => (
              <li key={p.id} className="space-y-1 rounded border p-2" data-testid={`moderation-photo-${p.id}`}>
                {p.quarantinedAt ? (
                  <p className="rounded border bg-gray-50 p-2 text-xs text-gray-700">{p.processError ? tPhoto('photoUnreadable') : tPhoto('photoProcessing')}</p>
                ) : (
                  /* eslint-disable-next-line @next/next/no-img-element -- our own re-encoded thumbnails */
                  <img src={`/api/petugas/foto/${p.id}?ukuran=kecil`} alt={`Foto ${p.kind}`} className={`w-full rounded border ${p.hiddenAt ? 'opacity-50' : ''}`} />
                )}
                <p className="text-xs">
                  {p.kind}
                  {p.hiddenAt ? ` · ${t('hiddenPhoto')}` : ''}
                  {p.kind === 'sesudah' && !report.isPublic ? ` · ${p.isPublishable ? t('publishable') : t('notPublishable')}` : ''}
                </p>
                <form action={moderationAction} className="space-y-1">
                  {hidden}
                  <input type="hidden" name="foto" value={p.id} />
                  {reason}
                  <div className="flex flex-wrap gap-2">
                    {actions.map((a) => (
                      <button key={a} name="apa" value={a} className={button}>{label[a]}</button>
                    ))}
                  </div>
                </form>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
