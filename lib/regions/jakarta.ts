import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegionCollection } from './geo';
import { createPointLookup, type PointLookup } from './lookup';
import { shortRegionName } from './names';

export type RegionLevel = 'kota' | 'kecamatan' | 'kelurahan';

const dataDir = () => join(process.env.ADUAN_DATA_DIR ?? join(process.cwd(), 'data'), 'jakarta');
const cache = new Map<RegionLevel, RegionCollection>();

/** Jakarta's boundaries of one level, read once from data/jakarta/<level>.geojson. */
export function loadRegions(level: RegionLevel): RegionCollection {
  let collection = cache.get(level);
  if (!collection) {
    collection = JSON.parse(readFileSync(join(dataDir(), `${level}.geojson`), 'utf8')) as RegionCollection;
    cache.set(level, collection);
  }
  return collection;
}

let kelurahanLookup: PointLookup | undefined;

/** Kemendagri codes of the kelurahan, kecamatan and kota that contain a point, or null. */
export function locate(lat: number, lng: number) {
  kelurahanLookup ??= createPointLookup(loadRegions('kelurahan').features);
  const hit = kelurahanLookup.find(lat, lng);
  if (!hit) return null;
  return {
    kelurahanCode: hit.code,
    kelurahanName: hit.name,
    kecamatanCode: hit.parentCode,
    kotaCode: hit.parentCode.slice(0, 5),
  };
}

let names: Map<string, string> | undefined;

export interface PlaceNames {
  kelurahan: { code: string; name: string };
  kecamatan: { code: string; name: string };
  kota: { code: string; name: string };
}

/** The kelurahan, kecamatan and kota that contain a point, by name ("Jakarta Pusat", not "Kota Administrasi …"), or null. */
export function placeOf(lat: number, lng: number): PlaceNames | null {
  const hit = locate(lat, lng);
  if (!hit) return null;
  names ??= new Map((['kota', 'kecamatan'] as const).flatMap((level) => loadRegions(level).features.map((f) => [f.properties.code, shortRegionName(f.properties.name)] as const)));
  return {
    kelurahan: { code: hit.kelurahanCode, name: hit.kelurahanName },
    kecamatan: { code: hit.kecamatanCode, name: names.get(hit.kecamatanCode) ?? hit.kecamatanCode },
    kota: { code: hit.kotaCode, name: names.get(hit.kotaCode) ?? hit.kotaCode },
  };
}
