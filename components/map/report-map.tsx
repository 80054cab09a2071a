'use client';

import dynamic from 'next/dynamic';
import type { LeafletMapProps } from './leaflet-map';

// Leaflet touches `window`: load it only in the browser, and only where a map is shown.
const LeafletMap = dynamic(() => import('./leaflet-map'), {
  ssr: false,
  loading: () => (
    <div className="flex h-full items-center justify-center bg-slate-100 text-sm text-gray-600">
      Memuat peta…
    </div>
  ),
});

export function ReportMap(props: LeafletMapProps) {
  return <LeafletMap {...props} />;
}
