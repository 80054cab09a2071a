'use client';

import { useLocale, useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { supportExistingReport, type SubmitReportState } from '@/app/[locale]/lapor/actions';
import type { RegionOption } from '@/db/queries/reference';
import { DESCRIPTION_MAX } from '@/lib/intake/form-limits';
import { checkPhotos } from '@/lib/intake/photo-check';
import { appendPhoto } from '@/components/media/prepare-photo';
import { usePreparedPhotos } from '@/components/media/use-prepared-photos';
import { CategoryPicker, type CategoryOption } from './category-picker';
import { DescriptionField } from './description-field';
import { LocationField } from './location-field';
import { NearbyReports, type Nearby } from './nearby-reports';
import { PhotoPicker } from './photo-picker';
import { clearDraft, readDraft, restorePlainFields, saveDraft } from './report-draft';
import { NetworkError, postForm, PostTimeout } from '@/components/offline/post-form';
import { UploadProgress } from './upload-progress';
import { focusFirstError, sendDeadlineMs } from './send-report';

interface Props {
  formToken: string;
  categories: CategoryOption[];
  regions: RegionOption[];
  tileUrl: string;
  tileAttribution: string;
  /** Photos to start with (a refused report from the offline queue, put back for editing). */
  initialPhotos?: File[];
  /**
   * Keeps a report that cannot be sent now (no connection) in the offline queue; false when this
   * browser cannot keep it. The form is then replaced by an empty one.
   */
  onOffline: (data: FormData) => Promise<boolean>;
}

/** The server's answer, or the browser's own when the answer never came. */
type FormState = SubmitReportState | { ok: false; sendError: 'sendFailed' | 'sendSlow' };

const input = 'w-full rounded border border-gray-500 px-3 py-2';
/** Fields with their own place for an error; any other field's error is told next to the button. */
const SHOWN = ['kategori', 'deskripsi', 'foto', 'lokasi', 'telepon', 'email'];

export function ReportForm({ formToken, categories, regions, tileUrl, tileAttribution, initialPhotos, onOffline }: Props) {
  const t = useTranslations('lapor');
  const locale = useLocale();
  const formRef = useRef<HTMLFormElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [state, action, isPending] = useActionState<FormState, FormData>(async (_prev, data) => {
    // Without a connection the report waits on the phone and goes by itself later.
    if (navigator.onLine === false && (await onOffline(data))) return null;
    // Whatever happens on the way (a server error page, an answer that never comes), the button
    // comes back with a message and the form keeps everything entered. Sent with
    // XMLHttpRequest to the upload route, which reports how much of the body went out.
    try {
      setProgress(0);
      // The last share is drawn at once: when the answer comes right behind it, the two updates
      // would otherwise be drawn together and the bar would vanish at 99 %.
      const onProgress = (share: number) => (share >= 1 ? flushSync(() => setProgress(share)) : setProgress(share));
      const answer = await postForm('/api/laporan/kirim', data, { timeoutMs: sendDeadlineMs(data), onProgress });
      const body = answer.body as SubmitReportState;
      return body && typeof body === 'object' && 'ok' in body ? body : { ok: false, sendError: 'sendFailed' };
    } catch (error) {
      // the connection dropped on the way: into the queue, as if it had been offline from the start
      if (error instanceof NetworkError && (await onOffline(data))) return null;
      return { ok: false, sendError: error instanceof PostTimeout ? 'sendSlow' : 'sendFailed' };
    } finally {
      setProgress(null);
    }
  }, null);
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const { photos, add: addPhotos, remove: removePhoto, isPreparing } = usePreparedPhotos();
  const [point, setPoint] = useState<{ lat: number; lng: number } | null>(null);
  const [nearby, setNearby] = useState<Nearby[]>([]);
  const [contact, setContact] = useState('');
  // refusals found in the browser before sending, and a count of them to move focus on each
  const [local, setLocal] = useState<{ errors: Record<string, string>; seq: number }>({ errors: {}, seq: 0 });
  const [restored, setRestored] = useState<{ photoCount: number; regions: { kota: string; kecamatan: string; kelurahan: string } } | null>(null);
  const isDraftRead = useRef(false);
  useEffect(() => {
    if (initialPhotos?.length) addPhotos(initialPhotos);
    // once, when the form is made
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // a photo still being made lighter is checked once it is ready (its size to send is not known yet)
  const photoProblems = checkPhotos(photos.map(({ original, prepared }) => prepared?.upload ?? { name: original.name, size: 0, type: '' }));

  // what was entered before a reload (or before the phone dropped the page) comes back
  useEffect(() => {
    const draft = readDraft();
    isDraftRead.current = true;
    if (!draft || !formRef.current) return;
    restorePlainFields(formRef.current, draft);
    // read after hydration: sessionStorage exists only in the browser
    setCategory(draft.kategori);
    setDescription(draft.deskripsi);
    setPoint(draft.point);
    setContact(draft.plain.telepon || draft.plain.email || '');
    setRestored({ photoCount: draft.photoCount, regions: draft.regions });
  }, []);
  useEffect(() => {
    if (state?.ok) clearDraft();
    else if (isDraftRead.current && formRef.current) saveDraft(formRef.current, photos.length);
  }, [state, category, description, point, photos.length, restored]);

  const serverErrors = state && !state.ok && 'fieldErrors' in state ? (state.fieldErrors ?? {}) : {};
  // a refusal in the browser lasts until its cause is put right
  const stillWrong = (field: string) => (field === 'foto' ? photoProblems.length > 0 : field === 'deskripsi' ? description.length > DESCRIPTION_MAX : true);
  const localErrors = Object.fromEntries(Object.entries(local.errors).filter(([field]) => stillWrong(field)));
  const errors: Record<string, string> = { ...serverErrors, ...localErrors };
  const err = (field: string) =>
    errors[field] && errors[field] !== 'foto_periksa' ? (
      <p id={`${field}-error`} className="text-sm text-red-700" data-testid={`error-${field}`}>
        {t(`errors.${errors[field]}` as 'errors.lokasi_wajib')}
      </p>
    ) : null;

  // after every refusal: the first field in error, on screen and focused (or the message by the button)
  useEffect(() => {
    if (state && !state.ok) focusFirstError(formRef.current, Object.keys(serverErrors));
    // serverErrors is derived from state
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
  useEffect(() => {
    if (local.seq > 0) focusFirstError(formRef.current, Object.keys(local.errors));
  }, [local]);

  useEffect(() => {
    if (!point || !category) return;
    const controller = new AbortController();
    fetch(`/api/laporan/sekitar?lat=${point.lat}&lng=${point.lng}&kategori=${category}`, { signal: controller.signal })
      .then((r) => (r.ok ? r.json() : { reports: [] }))
      .then((d: { reports: Nearby[] }) => setNearby(d.reports))
      .catch(() => {});
    return () => controller.abort();
  }, [point, category]);

  if (state?.ok) {
    return (
      <section className="space-y-3 rounded-lg border border-green-300 bg-green-50 p-4" role="status" data-testid="report-done">
        <h2 className="text-xl font-bold">{t('doneTitle')}</h2>
        <p>
          {t('doneNumber')}: <strong className="font-mono text-2xl" data-testid="ticket-number">{state.number}</strong>
        </p>
        <p className="text-sm">{t('doneLink')}</p>
        <p className="break-all rounded bg-white p-2 font-mono text-sm">
          <a href={state.trackingUrl} className="underline" data-testid="tracking-link">
            {typeof window === 'undefined' ? state.trackingUrl : `${window.location.origin}${state.trackingUrl}`}
          </a>
        </p>
        <p className="flex gap-4">
          <a href={`/laporan/${state.number}`} className="underline">{t('doneView')}</a>
          {/* a full page load on purpose: a new report needs a new form token and an empty form */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/lapor" className="underline">{t('another')}</a>
        </p>
      </section>
    );
  }

  // what is said next to the button: a refusal of the whole form, a lost answer, or "fix the marked fields"
  const others = Object.entries(errors).filter(([field]) => !SHOWN.includes(field));
  let message: string | null = null;
  if (!isPending && state && !state.ok) {
    if ('sendError' in state) message = t(state.sendError);
    else if (state.formError) message = locale === 'en' ? state.formError.en : state.formError.id;
  }
  if (!isPending && !message && others.length > 0) message = t(`errors.${others[0][1]}` as 'errors.lokasi_wajib');
  if (!isPending && !message && Object.keys(errors).length > 0) message = t('notSent');

  return (
    <form
      ref={formRef}
      className="space-y-5"
      noValidate
      onChange={(e) => saveDraft(e.currentTarget, photos.length)}
      onSubmit={(e) => {
        // Submitting through a transition (not <form action>) keeps what was typed when the
        // server answers: React resets forms after an action completes.
        e.preventDefault();
        const refused: Record<string, string> = {};
        if (photoProblems.length > 0) refused.foto = 'foto_periksa';
        if (description.length > DESCRIPTION_MAX) refused.deskripsi = 'deskripsi_panjang';
        setLocal((l) => ({ errors: refused, seq: Object.keys(refused).length > 0 ? l.seq + 1 : l.seq }));
        if (Object.keys(refused).length > 0) return;
        const data = new FormData(e.currentTarget);
        for (const { prepared } of photos) if (prepared) appendPhoto(data, prepared);
        startTransition(() => action(data));
      }}
    >
      <input type="hidden" name="formToken" value={formToken} />
      {restored ? (
        <p className="rounded border border-blue-300 bg-blue-50 p-3 text-sm" role="status" data-testid="draft-restored">
          {t('draftRestored')}
          {restored.photoCount > 0 && photos.length === 0 ? ` ${t('draftPhotos', { count: restored.photoCount })}` : ''}
        </p>
      ) : null}
      <CategoryPicker categories={categories} value={category} onChange={setCategory} error={err('kategori')} className={input} />
      <DescriptionField value={description} onChange={setDescription} error={err('deskripsi')} className={input} />
      <PhotoPicker photos={photos} onAdd={addPhotos} onRemove={removePhoto} problems={photoProblems} error={err('foto')} />
      <LocationField key={restored ? 'dipulihkan' : 'baru'} regionInitial={restored?.regions} point={point} onPoint={setPoint} regions={regions} tileUrl={tileUrl} tileAttribution={tileAttribution} error={err('lokasi')} inputClassName={input} />

      {nearby.length > 0 ? <NearbyReports reports={nearby} contact={contact} onSupport={supportExistingReport} /> : null}

      <fieldset className="space-y-1">
        <legend className="font-semibold">{t('privacy')}</legend>
        <label className="flex min-h-11 items-start gap-2 py-1"><input type="radio" name="privasi" value="privat" defaultChecked className="mt-1 size-5" /> {t('private')}</label>
        <label className="flex min-h-11 items-start gap-2 py-1"><input type="radio" name="privasi" value="publik" className="mt-1 size-5" /> {t('public')}</label>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="font-semibold">{t('contact')}</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          <label className="space-y-1 text-sm"><span className="block font-medium">{t('name')}</span><input name="nama" autoComplete="name" maxLength={100} className={input} /></label>
          <label className="space-y-1 text-sm">
            <span className="block font-medium">{t('phone')}</span>
            <input id="telepon" name="telepon" type="tel" autoComplete="tel" inputMode="tel" className={input} onChange={(e) => setContact(e.target.value)} aria-invalid={Boolean(errors.telepon)} aria-describedby={errors.telepon ? 'telepon-error' : undefined} />
            {err('telepon')}
          </label>
          <label className="space-y-1 text-sm">
            <span className="block font-medium">{t('email')}</span>
            <input id="email" name="email" type="email" autoComplete="email" className={input} onChange={(e) => setContact(e.target.value)} aria-invalid={Boolean(errors.email)} aria-describedby={errors.email ? 'email-error' : undefined} />
            {err('email')}
          </label>
        </div>
      </fieldset>

      <div className="space-y-2">
        {message ? (
          <div id="kirim-pesan" tabIndex={-1} className="space-y-2 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800" role="alert" data-testid="form-error">
            <p>{message}</p>
          </div>
        ) : null}
        {progress !== null ? <UploadProgress share={progress} /> : null}
        <button type="submit" disabled={isPending || isPreparing} aria-describedby={message ? 'kirim-pesan' : undefined} className="min-h-11 rounded bg-amber-400 px-5 py-2.5 font-bold text-gray-900 hover:bg-amber-300 disabled:opacity-60">
          {isPending ? t('sending') : isPreparing ? t('preparingPhotos') : t('submit')}
        </button>
      </div>
    </form>
  );
}
