import Supercluster from 'supercluster';
import type { ReportStatus } from '@/db/schema';
import type { MapPoint } from '@/db/queries/map-points';
import { STATUSES } from '@/lib/reports/lifecycle';

export type StatusCounts = Partial<Record<ReportStatus, number>>;

interface PointProps {
  number: string;
  status: ReportStatus;
  categoryCode: string;
}
// Flat per-status counters: supercluster clones cluster properties shallowly, so a nested
// object would be shared between zoom levels and counted twice.
type ClusterProps = StatusCounts;

export type MapFeature =
  | { kind: 'cluster'; id: number; lat: number; lng: number; count: number; counts: StatusCounts; expansionZoom: number }
  | { kind: 'report'; lat: number; lng: number; number: string; status: ReportStatus; categoryCode: string };

export interface ClusterIndex {
  query(bbox: [number, number, number, number], zoom: number): MapFeature[];
  size: number;
}

/** Server-side clustering: the browser receives clusters for its viewport, never every report. */
export function buildClusterIndex(
  points: Pick<MapPoint, 'number' | 'lat' | 'lng' | 'status' | 'categoryCode'>[],
): ClusterIndex {
  const index = new Supercluster<PointProps, ClusterProps>({
    radius: 60,
    maxZoom: 16,
    map: (p) => ({ [p.status]: 1 }),
    reduce: (acc, p) => {
      for (const status of STATUSES) {
        if (p[status]) acc[status] = (acc[status] ?? 0) + p[status];
      }
    },
  });
  index.load(
    points.map((p) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [p.lng, p.lat] },
      properties: { number: p.number, status: p.status, categoryCode: p.categoryCode },
    })),
  );
  return {
    size: points.length,
    query(bbox, zoom) {
      const z = Math.max(0, Math.min(20, Math.round(zoom)));
      return index.getClusters(bbox, z).map((f): MapFeature => {
        const [lng, lat] = f.geometry.coordinates;
        const props = f.properties as Partial<PointProps> & ClusterProps & {
          cluster?: boolean;
          cluster_id?: number;
          point_count?: number;
        };
        if (props.cluster) {
          return {
            kind: 'cluster',
            id: props.cluster_id!,
            lat,
            lng,
            count: props.point_count!,
            counts: Object.fromEntries(STATUSES.filter((s) => props[s]).map((s) => [s, props[s]])),
            expansionZoom: Math.min(index.getClusterExpansionZoom(props.cluster_id!), 18),
          };
        }
        return { kind: 'report', lat, lng, number: props.number!, status: props.status!, categoryCode: props.categoryCode! };
      });
    },
  };
}
