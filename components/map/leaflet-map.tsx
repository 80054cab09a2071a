'use client';

import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useMemo, useState } from 'react';
import { SizeWatcher } from './size-watcher';
import { CircleMarker, GeoJSON, MapContainer, Marker, Pane, Popup, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import { useLocale, useTranslations } from 'next-intl';
import { statusLabel, type Locale } from '@/lib/i18n';
import type { MapFeature } from '@/lib/map/clusters';
import type { ReportStatus } from '@/db/schema';
import { STATUS_STYLE } from '@/lib/reports/status';
import { ClusterIcon } from './cluster-icon';

export interface LeafletMapProps {
  /** Tile URL template; empty string = no tiles (boundaries only). */
  tileUrl: string;
  tileAttribution: string;
  categoryNames: Record<string, string>;
  /** Filter query string (as in the page URL) passed to the map endpoint. */
  filterQuery?: string;
  /** Initial view [[south, west], [north, east]]; defaults to mainland Jakarta. */
  bounds?: [[number, number], [number, number]];
  /** Show just this one report's position (the report page's small map) instead of clusters. */
  single?: { lat: number; lng: number; status: ReportStatus; approximate?: boolean };
  /** Show these tickets (the field view of a queue) instead of clusters, each linking to `href`. */
  points?: { number: string; lat: number; lng: number; status: ReportStatus; href: string }[];
  /** Where the viewer stands (the field view). */
  here?: { lat: number; lng: number } | null;
}

const JAKARTA: L.LatLngBoundsExpression = [
  [-6.38, 106.68],
  [-6.08, 106.98],
];

type Boundaries = { kota?: GeoJSON.FeatureCollection; kecamatan?: GeoJSON.FeatureCollection; kelurahan?: GeoJSON.FeatureCollection };

export default function LeafletMap({ tileUrl, tileAttribution, categoryNames, filterQuery = '', bounds, single, points, here }: LeafletMapProps) {
  const [boundaries, setBoundaries] = useState<Boundaries>({});
  const [zoom, setZoom] = useState(11);

  useEffect(() => {
    for (const level of ['kota', 'kecamatan'] as const) {
      fetch(`/api/batas?level=${level}`)
        .then((r) => r.json())
        .then((fc) => setBoundaries((b) => ({ ...b, [level]: fc })))
        .catch(() => {});
    }
  }, []);
  useEffect(() => {
    if (zoom >= 13 && !boundaries.kelurahan) {
      fetch('/api/batas?level=kelurahan')
        .then((r) => r.json())
        .then((fc) => setBoundaries((b) => ({ ...b, kelurahan: fc })))
        .catch(() => {});
    }
  }, [zoom, boundaries.kelurahan]);

  return (
    <MapContainer
      className="h-full w-full"
      zoomSnap={0.25}
      scrollWheelZoom={!single}
      {...(single ? { center: [single.lat, single.lng] as L.LatLngTuple, zoom: 16 } : { bounds: (points?.length ? pointBounds(points, here) : bounds) ?? JAKARTA })}
    >
      {tileUrl ? <TileLayer url={tileUrl} attribution={tileAttribution} /> : null}
      {/* Boundaries sit below the report markers and never take their clicks. */}
      <Pane name="batas" style={{ zIndex: 350 }}>
      {boundaries.kota ? (
        <GeoJSON interactive={false} data={boundaries.kota} style={{ color: '#0f3d5e', weight: 2, fill: true, fillColor: '#f1f5f9', fillOpacity: tileUrl ? 0 : 0.7 }} />
      ) : null}
      {boundaries.kecamatan ? (
        <GeoJSON interactive={false} data={boundaries.kecamatan} style={{ color: '#475569', weight: 1, dashArray: '4 3', fill: false }} />
      ) : null}
      {zoom >= 13 && boundaries.kelurahan ? (
        <GeoJSON interactive={false} data={boundaries.kelurahan} style={{ color: '#64748b', weight: 0.8, fill: false }} />
      ) : null}
      </Pane>
      <SizeWatcher />
      <ZoomWatcher onZoom={setZoom} />
      {single ? (
        <CircleMarker
          center={[single.lat, single.lng]}
          radius={single.approximate ? 16 : 10}
          className={single.approximate ? 'report-marker report-marker-approximate' : 'report-marker'}
          pathOptions={
            single.approximate
              ? { color: STATUS_STYLE[single.status].color, weight: 2, dashArray: '4 3', fillColor: STATUS_STYLE[single.status].color, fillOpacity: 0.35 }
              : { color: '#fff', weight: 2, fillColor: STATUS_STYLE[single.status].color, fillOpacity: 1 }
          }
        />
      ) : points ? (
        <Points points={points} here={here ?? null} />
      ) : (
        <Clusters categoryNames={categoryNames} filterQuery={filterQuery} />
      )}
    </MapContainer>
  );
}

/** The box around the tickets (and the viewer), a little wider so no marker sits on the edge. */
function pointBounds(points: { lat: number; lng: number }[], here?: { lat: number; lng: number } | null): [[number, number], [number, number]] {
  const all = here ? [...points, here] : points;
  const lats = all.map((p) => p.lat);
  const lngs = all.map((p) => p.lng);
  const pad = 0.002;
  return [
    [Math.min(...lats) - pad, Math.min(...lngs) - pad],
    [Math.max(...lats) + pad, Math.max(...lngs) + pad],
  ];
}

function Points({ points, here }: { points: NonNullable<LeafletMapProps['points']>; here: { lat: number; lng: number } | null }) {
  const t = useTranslations('map');
  const locale = useLocale() as Locale;
  return (
    <>
      {here ? <CircleMarker center={[here.lat, here.lng]} radius={8} pathOptions={{ color: '#fff', weight: 3, fillColor: '#2563eb', fillOpacity: 1 }} /> : null}
      {points.map((p) => (
        <CircleMarker
          key={p.number}
          center={[p.lat, p.lng]}
          radius={8}
          className="report-marker"
          pathOptions={{ color: '#fff', weight: 1.5, fillColor: STATUS_STYLE[p.status].color, fillOpacity: 0.95 }}
        >
          <Popup>
            <p className="font-semibold">{p.number}</p>
            <p>
              {t('status')}: {statusLabel(p.status, locale)}
            </p>
            <a href={p.href}>{t('open')}</a>
          </Popup>
        </CircleMarker>
      ))}
    </>
  );
}

function ZoomWatcher({ onZoom }: { onZoom: (z: number) => void }) {
  useMapEvents({ zoomend: (e) => onZoom(e.target.getZoom()) });
  return null;
}

function Clusters({ categoryNames, filterQuery }: { categoryNames: Record<string, string>; filterQuery: string }) {
  const map = useMap();
  const t = useTranslations('map');
  const locale = useLocale();
  const [features, setFeatures] = useState<MapFeature[]>([]);

  useEffect(() => {
    let controller: AbortController | null = null;
    const load = () => {
      controller?.abort();
      controller = new AbortController();
      const b = map.getBounds();
      const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(5)).join(',');
      const extra = filterQuery ? `&${filterQuery}` : '';
      fetch(`/api/peta?bbox=${bbox}&zoom=${map.getZoom()}${extra}`, { signal: controller.signal })
        .then((r) => (r.ok ? r.json() : { features: [] }))
        .then((data: { features: MapFeature[] }) => setFeatures(data.features))
        .catch(() => {});
    };
    load();
    map.on('moveend', load);
    return () => {
      map.off('moveend', load);
      controller?.abort();
    };
  }, [map, filterQuery]);

  return (
    <>
      {features.map((f) =>
        f.kind === 'cluster' ? (
          <ClusterMarker key={`c${f.id}`} feature={f} />
        ) : (
          <CircleMarker
            key={f.number}
            center={[f.lat, f.lng]}
            radius={7}
            // an approximate point (a kelurahan's centre) is drawn hollow and dashed: it is not where the problem is
            className={f.approximate ? 'report-marker report-marker-approximate' : 'report-marker'}
            pathOptions={
              f.approximate
                ? { color: STATUS_STYLE[f.status].color, weight: 2, dashArray: '3 2', fillColor: '#fff', fillOpacity: 0.9 }
                : { color: '#fff', weight: 1.5, fillColor: STATUS_STYLE[f.status].color, fillOpacity: 0.95 }
            }
          >
            <Popup>
              <div className="space-y-1">
                <p className="font-semibold">{f.number}</p>
                <p>{categoryNames[f.categoryCode] ?? f.categoryCode}</p>
                <p>
                  {t('status')}: {statusLabel(f.status, locale as Locale)}
                </p>
                {f.approximate ? (
                  <p className="italic" data-testid="approximate-location">
                    {t('approximate')}
                  </p>
                ) : null}
                <a href={`/laporan/${f.number}`}>{t('open')}</a>
                {f.approximate && f.kelurahanCode ? (
                  // reports without a pin share their kelurahan's centre: the list shows them all
                  <a href={`/laporan?kelurahan=${f.kelurahanCode}`} className="block">
                    {t('kelurahanReports')}
                  </a>
                ) : null}
              </div>
            </Popup>
          </CircleMarker>
        ),
      )}
    </>
  );
}

function ClusterMarker({ feature }: { feature: Extract<MapFeature, { kind: 'cluster' }> }) {
  const map = useMap();
  const t = useTranslations('map');
  const locale = useLocale() as Locale;
  const icon = useMemo(() => ClusterIcon(feature.count, feature.counts, locale), [feature.count, feature.counts, locale]);
  return (
    <Marker
      position={[feature.lat, feature.lng]}
      icon={icon}
      title={t('reports', { count: feature.count })}
      alt={t('reports', { count: feature.count })}
      eventHandlers={{ click: () => map.flyTo([feature.lat, feature.lng], feature.expansionZoom) }}
    />
  );
}
