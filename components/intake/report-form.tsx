'use client';

import dynamic from 'next/dynamic';
import { useLocale, useTranslations } from 'next-intl';
import { startTransition, useActionState, useCallback, useEffect, useMemo, useState } from 'react';
import { submitReport, supportExistingReport, type SubmitReportState } from '@/app/[locale]/lapor/actions';
import { RegionPicker } from '@/components/reports/region-picker';
import type { RegionOption } from '@/db/queries/reference';
import { NearbyReports, type Nearby } from './nearby-reports';

const PinMap = dynamic(() => import('@/components/map/pin-map'), { ssr: false });

interface CategoryOption {
  code: string;
  name: string;
  group: string;
}

interface Props {
  formToken: string;
  categories: CategoryOption[];
  regions: RegionOption[];
  tileUrl: string;
  tileAttribution: string;
}

const input = 'w-full rounded border border-gray-500 px-3 py-2';

export function ReportForm({ formToken, categories, regions, tileUrl, tileAttribution }: Props) {
  const t = useTranslations('lapor');
  const locale = useLocale();
  const [state, action, isPending] = useActionState<SubmitReportState, FormData>(submitReport, null);
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState('');
  const [point, setPoint] = useState<{ lat: number; lng: number } | null>(null);
  const [gpsFailed, setGpsFailed] = useState(false);
  const [nearby, setNearby] = useState<Nearby[]>([]);
  const [contact, setContact] = useState('');
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const err = (field: string) =>
    errors[field] ? (
      <p id={`${field}-error`} className="text-sm text-red-700" data-testid={`error-${field}`}>
        {t(`errors.${errors[field]}` as 'errors.lokasi_wajib')}
      </p>
    ) : null;

  const visible = useMemo(() => {
    const q = search.trim().toLowerCase();
    return q ? categories.filter((c) => `${c.name} ${c.group}`.toLowerCase().includes(q)) : categories;
  }, [categories, search]);
  const groups = [...new Set(visible.map((c) => c.group))];
  const pick = useCallback((p: { lat: number; lng: number }) => setPoint({ lat: round(p.lat), lng: round(p.lng) }), []);

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

  return (
    <form
      className="space-y-5"
      noValidate
      onSubmit={(e) => {
        // Submitting through a transition (not <form action>) keeps what was typed when the
        // server answers with field errors: React resets forms after an action completes.
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <input type="hidden" name="formToken" value={formToken} />
      {state && !state.ok && state.formError ? (
        <p className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="form-error">
          {locale === 'en' ? state.formError.en : state.formError.id}
        </p>
      ) : null}

      <fieldset className="space-y-2">
        <legend className="font-semibold">{t('category')}</legend>
        <input type="search" aria-label={t('categorySearch')} placeholder={t('categorySearch')} value={search} onChange={(e) => setSearch(e.target.value)} className={input} />
        <select name="kategori" aria-label={t('category')} value={category} onChange={(e) => setCategory(e.target.value)} className={input} aria-invalid={Boolean(errors.kategori)} aria-describedby={errors.kategori ? 'kategori-error' : undefined}>
          <option value="">{t('categoryPick')}</option>
          {groups.map((g) => (
            <optgroup key={g} label={g}>
              {visible.filter((c) => c.group === g).map((c) => (
                <option key={c.code} value={c.code}>{c.name}</option>
              ))}
            </optgroup>
          ))}
        </select>
        {err('kategori')}
      </fieldset>

      <div className="space-y-1">
        <label htmlFor="deskripsi" className="block font-semibold">{t('description')}</label>
        <p id="deskripsi-hint" className="text-sm text-gray-700">{t('descriptionHint')}</p>
        <textarea id="deskripsi" name="deskripsi" rows={5} maxLength={2000} className={input} aria-invalid={Boolean(errors.deskripsi)} aria-describedby={errors.deskripsi ? 'deskripsi-error' : 'deskripsi-hint'} />
        {err('deskripsi')}
      </div>

      <div className="space-y-1">
        <label htmlFor="foto" className="block font-semibold">{t('photos')}</label>
        <p id="foto-hint" className="text-sm text-gray-700">{t('photosHint')}</p>
        <input id="foto" name="foto" type="file" accept="image/jpeg,image/png,image/webp" multiple className="block w-full text-sm" aria-describedby={errors.foto ? 'foto-error' : 'foto-hint'} />
        {err('foto')}
      </div>

      <fieldset className="space-y-2">
        <legend className="font-semibold">{t('location')}</legend>
        <button
          type="button"
          className="rounded border border-[#0f3d5e] px-3 py-1.5 text-sm font-semibold text-[#0f3d5e]"
          onClick={() => {
            setGpsFailed(false);
            navigator.geolocation?.getCurrentPosition(
              (pos) => pick({ lat: pos.coords.latitude, lng: pos.coords.longitude }),
              () => setGpsFailed(true),
              { enableHighAccuracy: true, timeout: 10_000 },
            );
          }}
        >
          {t('useGps')}
        </button>
        {gpsFailed ? <p className="text-sm text-red-700">{t('gpsFailed')}</p> : null}
        <p className="text-sm text-gray-700">{t('pinHint')}</p>
        <div className="h-72 overflow-hidden rounded border" data-testid="pin-map">
          <PinMap tileUrl={tileUrl} tileAttribution={tileAttribution} point={point} onPick={pick} />
        </div>
        <input type="hidden" name="lat" value={point?.lat ?? ''} />
        <input type="hidden" name="lng" value={point?.lng ?? ''} />
        {point ? (
          <p className="text-sm" data-testid="pin-set">
            {t('pinSet', { lat: point.lat, lng: point.lng })}{' '}
            <button type="button" className="underline" onClick={() => setPoint(null)}>{t('clearPin')}</button>
          </p>
        ) : null}
        <details className="rounded border bg-white p-3">
          <summary className="cursor-pointer text-sm font-semibold">{t('noMap')}</summary>
          <div className="mt-2 grid gap-3 sm:grid-cols-3">
            <RegionPicker regions={regions} initial={{ kota: '', kecamatan: '', kelurahan: '' }} labels={{ kota: 'Kota', kecamatan: 'Kecamatan', kelurahan: 'Kelurahan', all: '—' }} />
          </div>
          <label className="mt-2 block space-y-1 text-sm">
            <span className="font-medium">{t('address')}</span>
            <input name="alamat" maxLength={300} className={input} />
          </label>
        </details>
        {err('lokasi')}
      </fieldset>

      {nearby.length > 0 ? (
        <NearbyReports reports={nearby} contact={contact} onSupport={supportExistingReport} />
      ) : null}

      <fieldset className="space-y-1">
        <legend className="font-semibold">{t('privacy')}</legend>
        <label className="flex items-start gap-2"><input type="radio" name="privasi" value="privat" defaultChecked className="mt-1" /> {t('private')}</label>
        <label className="flex items-start gap-2"><input type="radio" name="privasi" value="publik" className="mt-1" /> {t('public')}</label>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="font-semibold">{t('contact')}</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          <label className="space-y-1 text-sm"><span className="block font-medium">{t('name')}</span><input name="nama" autoComplete="name" maxLength={100} className={input} /></label>
          <label className="space-y-1 text-sm">
            <span className="block font-medium">{t('phone')}</span>
            <input name="telepon" type="tel" autoComplete="tel" inputMode="tel" className={input} onChange={(e) => setContact(e.target.value)} aria-invalid={Boolean(errors.telepon)} aria-describedby={errors.telepon ? 'telepon-error' : undefined} />
            {err('telepon')}
          </label>
          <label className="space-y-1 text-sm">
            <span className="block font-medium">{t('email')}</span>
            <input name="email" type="email" autoComplete="email" className={input} onChange={(e) => setContact(e.target.value)} aria-invalid={Boolean(errors.email)} aria-describedby={errors.email ? 'email-error' : undefined} />
            {err('email')}
          </label>
        </div>
      </fieldset>

      <button type="submit" disabled={isPending} className="rounded bg-amber-400 px-5 py-2.5 font-bold text-gray-900 hover:bg-amber-300 disabled:opacity-60">
        {isPending ? t('sending') : t('submit')}
      </button>
    </form>
  );
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
