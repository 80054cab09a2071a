'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { RegionPicker } from '@/components/reports/region-picker';
import { Contained } from '@/components/ui/contained';
import type { RegionOption } from '@/db/queries/reference';

const PinMap = dynamic(() => import('@/components/map/pin-map'), { ssr: false });

type Point = { lat: number; lng: number };
type Place = { kelurahan: { name: string }; kecamatan: { name: string }; kota: { name: string } };
/** What /api/batas/titik said about one point ('outside': not in Jakarta). */
type PlaceAnswer = { at: string; place: Place | 'outside' | null };

interface Props {
  point: Point | null;
  onPoint: (point: Point | null) => void;
  regions: RegionOption[];
  tileUrl: string;
  tileAttribution: string;
  error: React.ReactNode;
  inputClassName: string;
  /** the kota, kecamatan and kelurahan chosen before (a restored draft) */
  regionInitial?: { kota: string; kecamatan: string; kelurahan: string };
}

const keyOf = (p: Point) => `${p.lat},${p.lng}`;

/** GPS, the pin map (named by its kelurahan), or kota → kecamatan → kelurahan without a map. */
export function LocationField({ point, onPoint, regions, tileUrl, tileAttribution, error, inputClassName, regionInitial }: Props) {
  const t = useTranslations('lapor');
  const [gps, setGps] = useState<'idle' | 'locating' | 'failed'>('idle');
  const [centerOn, setCenterOn] = useState<(Point & { zoom: number }) | null>(null);
  const [answer, setAnswer] = useState<PlaceAnswer | null>(null);

  useEffect(() => {
    if (!point) return;
    const controller = new AbortController();
    const at = keyOf(point);
    fetch(`/api/batas/titik?lat=${point.lat}&lng=${point.lng}`, { signal: controller.signal })
      .then(async (r) => setAnswer({ at, place: r.ok ? ((await r.json()) as Place) : r.status === 404 ? 'outside' : null }))
      .catch(() => {});
    return () => controller.abort();
  }, [point]);
  const place = point && answer?.at === keyOf(point) ? answer.place : undefined;
  // stable, so that the map does not redraw its marker on every keystroke elsewhere in the form
  const pick = useCallback((p: Point) => onPoint({ lat: round(p.lat), lng: round(p.lng) }), [onPoint]);

  return (
    <fieldset className="space-y-2">
      <legend className="font-semibold">{t('location')}</legend>
      <button
        id="lokasi-gps"
        type="button"
        className="min-h-11 rounded border border-[#0f3d5e] px-3 py-2 text-sm font-semibold text-[#0f3d5e] disabled:opacity-60"
        disabled={gps === 'locating'}
        aria-describedby={error ? 'lokasi-error' : undefined}
        onClick={() => {
          if (!navigator.geolocation) return setGps('failed');
          setGps('locating');
          navigator.geolocation.getCurrentPosition(
            (pos) => {
              setGps('idle');
              const at = { lat: round(pos.coords.latitude), lng: round(pos.coords.longitude) };
              onPoint(at);
              // close in on the pin: the citizen checks the street, not the city
              setCenterOn({ ...at, zoom: 17 });
            },
            () => setGps('failed'),
            { enableHighAccuracy: true, timeout: 10_000 },
          );
        }}
      >
        {gps === 'locating' ? t('gpsLocating') : t('useGps')}
      </button>
      {gps === 'failed' ? <p className="text-sm text-red-700" role="status">{t('gpsFailed')}</p> : null}
      <p className="text-sm text-gray-700">{t('pinHint')}</p>
      <div className="h-72 overflow-hidden rounded border" data-testid="pin-map">
        <Contained fallback={<p className="p-3 text-sm text-gray-800" role="status" data-testid="pin-map-unavailable">{t('mapUnavailable')}</p>}>
          <PinMap tileUrl={tileUrl} tileAttribution={tileAttribution} point={point} centerOn={centerOn} onPick={pick} />
        </Contained>
      </div>
      <input type="hidden" name="lat" value={point?.lat ?? ''} />
      <input type="hidden" name="lng" value={point?.lng ?? ''} />
      {point ? (
        <div className="space-y-1 text-sm" data-testid="pin-set">
          <p className="font-semibold" data-testid="pin-place" role="status">
            {place === undefined ? t('placeLooking') : place === 'outside' ? <span className="text-red-700">{t('placeOutside')}</span> : place ? t('placeName', { kelurahan: place.kelurahan.name, kecamatan: place.kecamatan.name, kota: place.kota.name }) : null}
          </p>
          <p className="flex flex-wrap items-center gap-x-3">
            <span>{t('pinSet', { lat: point.lat, lng: point.lng })}</span>
            <button type="button" className="min-h-11 underline" onClick={() => onPoint(null)}>{t('clearPin')}</button>
          </p>
        </div>
      ) : null}
      <details className="rounded border bg-white p-3" open={regionInitial?.kota ? true : undefined}>
        <summary className="cursor-pointer py-3 text-sm font-semibold">{t('noMap')}</summary>
        <div className="mt-2 grid gap-3 sm:grid-cols-3">
          <RegionPicker regions={regions} initial={regionInitial ?? { kota: '', kecamatan: '', kelurahan: '' }} labels={{ kota: 'Kota', kecamatan: 'Kecamatan', kelurahan: 'Kelurahan', all: '—' }} />
        </div>
        <label className="mt-2 block space-y-1 text-sm">
          <span className="font-medium">{t('address')}</span>
          <input name="alamat" maxLength={300} className={inputClassName} />
        </label>
      </details>
      {error}
    </fieldset>
  );
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
