'use client';

import dynamic from 'next/dynamic';
import { useActionState, useState } from 'react';
import { recordComplaint, type DeskState } from '@/app/[locale]/petugas/catat/actions';
import { RegionPicker } from '@/components/reports/region-picker';
import type { RegionOption } from '@/db/queries/reference';

const PinMap = dynamic(() => import('@/components/map/pin-map'), { ssr: false });

interface Props {
  formToken: string;
  tileUrl: string;
  tileAttribution: string;
  locale: 'id' | 'en';
  channels: { code: string; name: string }[];
  categories: { code: string; name: string }[];
  regions: RegionOption[];
  /** Every text of the form, in the reader's language (petugas.desk and filters). */
  labels: Record<string, string>;
  errorTexts: Record<string, string>;
}

const field = 'w-full rounded border border-gray-500 px-2 py-1.5 text-sm';

/** The desk form: channel, reference, citizen, complaint, category and location (each may be left for triage). */
export function DeskForm({ formToken, tileUrl, tileAttribution, locale, channels, categories, regions, labels, errorTexts }: Props) {
  const [state, action, pending] = useActionState<DeskState, FormData>(recordComplaint, null);
  const [where, setWhere] = useState<'tidak_diketahui' | 'kelurahan' | 'titik'>('tidak_diketahui');
  // the point, as typed or picked on the map
  const [lat, setLat] = useState('');
  const [lng, setLng] = useState('');
  const point = lat !== '' && lng !== '' && Number.isFinite(Number(lat)) && Number.isFinite(Number(lng)) ? { lat: Number(lat), lng: Number(lng) } : null;
  const errors = state?.fieldErrors ?? {};
  const err = (name: string) =>
    errors[name] ? (
      <p className="text-sm text-red-700" data-testid={`error-${name}`}>
        {errorTexts[errors[name]] ?? errorTexts.tidak_valid}
      </p>
    ) : null;
  const text = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className="space-y-1 text-sm">
      <span className="block font-medium">{label}</span>
      <input name={name} className={field} {...props} />
      {err(name)}
    </label>
  );

  return (
    <form action={action} className="space-y-4 rounded-lg border bg-white p-4" data-testid="desk-form">
      <input type="hidden" name="formToken" value={formToken} />
      {state?.formError ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-800">
          {state.formError[locale]}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="space-y-1 text-sm">
          <span className="block font-medium">{labels.channel}</span>
          <select name="kanal" required className={field}>
            {channels.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        {text('referensi', labels.reference, { maxLength: 200 })}
        {text('nama', labels.name, { maxLength: 100, autoComplete: 'off' })}
        {text('telepon', labels.phone, { inputMode: 'tel', maxLength: 20, autoComplete: 'off' })}
        {text('email', labels.email, { type: 'email', maxLength: 200, autoComplete: 'off' })}
        <label className="space-y-1 text-sm">
          <span className="block font-medium">{labels.category}</span>
          <select name="kategori" className={field} defaultValue="">
            <option value="">{labels.categoryUnknown}</option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="block space-y-1 text-sm">
        <span className="block font-medium">{labels.description}</span>
        <textarea name="deskripsi" required minLength={10} maxLength={5000} rows={5} className={field} />
        {err('deskripsi')}
      </label>
      <fieldset className="space-y-2 text-sm">
        <legend className="font-medium">{labels.location}</legend>
        <div className="flex flex-wrap gap-4">
          {(
            [
              ['tidak_diketahui', labels.locationUnknown],
              ['kelurahan', labels.locationKelurahan],
              ['titik', labels.locationPoint],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="inline-flex items-center gap-1">
              <input type="radio" name="lokasi" value={value} checked={where === value} onChange={() => setWhere(value)} /> {label}
            </label>
          ))}
        </div>
        {where === 'kelurahan' ? (
          <div className="grid gap-3 sm:grid-cols-3">
            <RegionPicker regions={regions} initial={{ kota: '', kecamatan: '', kelurahan: '' }} labels={{ kota: labels.kota, kecamatan: labels.kecamatan, kelurahan: labels.kelurahan, all: '—' }} required />
          </div>
        ) : null}
        {where === 'titik' ? (
          <>
            <div className="h-72 overflow-hidden rounded border">
              <PinMap
                tileUrl={tileUrl}
                tileAttribution={tileAttribution}
                point={point}
                onPick={(p) => {
                  setLat(p.lat.toFixed(6));
                  setLng(p.lng.toFixed(6));
                }}
              />
            </div>
            <div className="grid gap-3 sm:grid-cols-2">
              {text('lat', labels.lat, { inputMode: 'decimal', required: true, value: lat, onChange: (e) => setLat(e.target.value) })}
              {text('lng', labels.lng, { inputMode: 'decimal', required: true, value: lng, onChange: (e) => setLng(e.target.value) })}
            </div>
          </>
        ) : null}
        {err('lat') ?? err('kelurahan')}
        {text('alamat', labels.address, { maxLength: 300 })}
      </fieldset>
      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium">{labels.privacy}</legend>
        <label className="mr-4 inline-flex items-center gap-1">
          <input type="radio" name="privasi" value="pribadi" defaultChecked /> {labels.private}
        </label>
        <label className="inline-flex items-center gap-1">
          <input type="radio" name="privasi" value="publik" /> {labels.public}
        </label>
      </fieldset>
      <label className="block space-y-1 text-sm">
        <span className="block font-medium">{labels.photos}</span>
        <input type="file" name="foto" multiple accept="image/jpeg,image/png,image/webp,image/heic" />
        {err('foto')}
      </label>
      <button disabled={pending} className="rounded bg-[#0f3d5e] px-4 py-2 font-semibold text-white disabled:opacity-60">
        {labels.submit}
      </button>
    </form>
  );
}
