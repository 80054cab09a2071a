import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import { bboxOf, type RegionFeature } from './geo';

export interface RegionHit {
  code: string;
  name: string;
  parentCode: string;
}

export interface PointLookup {
  /** The region containing the point, or null (sea, outside Jakarta). */
  find(lat: number, lng: number): RegionHit | null;
  readonly size: number;
}

/**
 * Point-in-polygon over a set of regions, with an R-tree of their bounding boxes so that
 * only the few candidates whose box contains the point are tested exactly.
 */
export function createPointLookup(features: RegionFeature[]): PointLookup {
  const index = new Flatbush(Math.max(features.length, 1));
  for (const feature of features) {
    const box = bboxOf(feature.geometry);
    index.add(box.minLng, box.minLat, box.maxLng, box.maxLat);
  }
  if (features.length === 0) index.add(0, 0, 0, 0);
  index.finish();

  return {
    size: features.length,
    find(lat, lng) {
      if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
      for (const i of index.search(lng, lat, lng, lat)) {
        const feature = features[i];
        if (!feature) continue;
        if (booleanPointInPolygon([lng, lat], feature.geometry)) {
          const { code, name, parent_code } = feature.properties;
          return { code, name, parentCode: parent_code };
        }
      }
      return null;
    },
  };
}
