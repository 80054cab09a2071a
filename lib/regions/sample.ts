import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { bboxOf, type AreaGeometry, type PolygonCoords } from './geo';

type Rand = () => number;

/**
 * Uniform random points inside a region. Multi-part regions (the islands of Kepulauan Seribu)
 * are sampled part by part, weighted by each part's bounding-box area, so tiny islands in a
 * huge box do not defeat rejection sampling.
 */
export function createAreaSampler(geometry: AreaGeometry) {
  const parts = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).map(
    (coordinates: PolygonCoords) => {
      const polygon = { type: 'Polygon' as const, coordinates };
      const box = bboxOf(polygon);
      return { polygon, box, weight: (box.maxLng - box.minLng) * (box.maxLat - box.minLat) };
    },
  );
  const total = parts.reduce((sum, p) => sum + p.weight, 0);
  return (rand: Rand): { lat: number; lng: number } => {
    for (let attempt = 0; attempt < 1000; attempt++) {
      let x = rand() * total;
      const part = parts.find((p) => (x -= p.weight) <= 0) ?? parts[parts.length - 1];
      const { box } = part;
      const lng = box.minLng + rand() * (box.maxLng - box.minLng);
      const lat = box.minLat + rand() * (box.maxLat - box.minLat);
      if (booleanPointInPolygon([lng, lat], part.polygon)) return { lat, lng };
    }
    throw new Error('could not sample a point inside the region');
  };
}
