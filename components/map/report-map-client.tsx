'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import type { LeafletMapProps } from './leaflet-map';

function Loading() {
  const t = useTranslations('map');
  return <div className="flex h-full items-center justify-center bg-slate-100 text-sm text-gray-700">{t('loading')}</div>;
}

// Leaflet touches `window`: load it only in the browser, and only where a map is shown.
const LeafletMap = dynamic(() => import('./leaflet-map'), { ssr: false, loading: Loading });

export function ReportMapClient(props: LeafletMapProps) {
  return <LeafletMap {...props} />;
}
