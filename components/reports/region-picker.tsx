'use client';

import { useEffect, useState } from 'react';

interface Option {
  code: string;
  name: string;
  level: 'kota' | 'kecamatan' | 'kelurahan';
  parentCode: string | null;
}

/** A region as `[code, name]`: its level and parent follow from the code (31.71 › 31.71.01 › 31.71.01.1001). */
export type RegionPath = [code: string, name: string];

const LEVELS = ['kota', 'kecamatan', 'kelurahan'] as const;
function fromPath([code, name]: RegionPath): Option {
  const parts = code.split('.');
  return { code, name, level: LEVELS[parts.length - 2], parentCode: parts.length > 2 ? parts.slice(0, -1).join('.') : null };
}

interface Props {
  /** Every option, or (with `source`) the chosen place's as compact paths. */
  regions: Option[] | RegionPath[];
  initial: { kota: string; kecamatan: string; kelurahan: string };
  labels: { kota: string; kecamatan: string; kelurahan: string; all: string };
  /** Form field names; the filter form uses kota/kecamatan/kelurahan. */
  required?: boolean;
  /**
   * Where the full list is loaded from after the page: `regions` then holds only the options of the
   * chosen place (what works without JavaScript), which keeps 317 options out of the page.
   */
  source?: string;
}

/** Kota → kecamatan → kelurahan selects: the non-map way to choose a place. */
export function RegionPicker({ regions: initialRegions, initial, labels, required, source }: Props) {
  const [regions, setRegions] = useState(() => initialRegions.map((r) => (Array.isArray(r) ? fromPath(r) : r)));
  useEffect(() => {
    if (!source) return;
    let isCurrent = true;
    fetch(source)
      .then((response) => (response.ok ? (response.json() as Promise<Option[]>) : null))
      .then((all) => {
        if (isCurrent && all) setRegions(all);
      })
      // offline or failed: the options of the chosen place stay, and the form still works
      .catch(() => {});
    return () => {
      isCurrent = false;
    };
  }, [source]);
  const [kota, setKota] = useState(initial.kota);
  const [kecamatan, setKecamatan] = useState(initial.kecamatan);
  const [kelurahan, setKelurahan] = useState(initial.kelurahan);
  const of = (level: Option['level'], parent: string | null) =>
    regions.filter((r) => r.level === level && (parent === null || r.parentCode === parent));
  // at least 44 px high: chosen with a finger on the report form
  const select = 'min-h-11 w-full rounded border border-gray-400 px-2 py-1.5';

  return (
    <>
      <label className="space-y-1">
        <span className="block font-medium">{labels.kota}</span>
        <select
          name="kota"
          value={kota}
          className={select}
          onChange={(e) => {
            setKota(e.target.value);
            setKecamatan('');
            setKelurahan('');
          }}
        >
          <option value="">{labels.all}</option>
          {of('kota', null).map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label className="space-y-1">
        <span className="block font-medium">{labels.kecamatan}</span>
        <select
          name="kecamatan"
          value={kecamatan}
          className={select}
          onChange={(e) => {
            setKecamatan(e.target.value);
            setKelurahan('');
          }}
        >
          <option value="">{labels.all}</option>
          {of('kecamatan', kota || null).map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label className="space-y-1">
        <span className="block font-medium">{labels.kelurahan}</span>
        <select name="kelurahan" value={kelurahan} className={select} required={required} onChange={(e) => setKelurahan(e.target.value)}>
          <option value="">{labels.all}</option>
          {of('kelurahan', kecamatan || null)
            .filter((r) => !kota || r.code.startsWith(kota))
            .map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
        </select>
      </label>
    </>
  );
}
