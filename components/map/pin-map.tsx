'use client';

import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useState } from 'react';
import { SizeWatcher } from './size-watcher';
import { CircleMarker, GeoJSON, MapContainer, TileLayer, useMap, useMapEvents } from 'react-leaflet';

export interface PinMapProps {
  tileUrl: string;
  tileAttribution: string;
  point: { lat: number; lng: number } | null;
  /** Set to move the map to a place (e.g. the GPS position), at that zoom. */
  centerOn?: { lat: number; lng: number; zoom: number } | null;
  onPick: (point: { lat: number; lng: number }) => void;
}

/** A map where a citizen places the problem's location by clicking or dragging. */
export default function PinMap({ tileUrl, tileAttribution, point, centerOn, onPick }: PinMapProps) {
  const [kota, setKota] = useState<GeoJSON.FeatureCollection | null>(null);
  useEffect(() => {
    fetch('/api/batas?level=kecamatan')
      .then((r) => r.json())
      .then(setKota)
      .catch(() => {});
  }, []);
  return (
    // pin-map: larger zoom buttons for fingers (app/globals.css)
    <MapContainer center={[-6.2, 106.83]} zoom={11} zoomSnap={0.25} className="pin-map h-full w-full">
      {tileUrl ? <TileLayer url={tileUrl} attribution={tileAttribution} /> : null}
      {kota ? <GeoJSON data={kota} style={{ color: '#475569', weight: 1, fillColor: '#f1f5f9', fillOpacity: tileUrl ? 0 : 0.6 }} interactive={false} /> : null}
      <SizeWatcher />
      <ClickToPick onPick={onPick} />
      {point ? <Pin point={point} onPick={onPick} /> : null}
      {/* after the pin: its "keep the pin in view" must not undo this zoom */}
      {centerOn ? <CenterOn at={centerOn} /> : null}
    </MapContainer>
  );
}

function ClickToPick({ onPick }: { onPick: PinMapProps['onPick'] }) {
  useMapEvents({ click: (e) => onPick({ lat: e.latlng.lat, lng: e.latlng.lng }) });
  return null;
}

function CenterOn({ at }: { at: { lat: number; lng: number; zoom: number } }) {
  const map = useMap();
  useEffect(() => {
    map.setView([at.lat, at.lng], at.zoom);
  }, [map, at]);
  return null;
}

function Pin({ point, onPick }: { point: { lat: number; lng: number }; onPick: PinMapProps['onPick'] }) {
  const map = useMap();
  useEffect(() => {
    if (!map.getBounds().contains([point.lat, point.lng])) map.setView([point.lat, point.lng], 16);
  }, [map, point]);
  useEffect(() => {
    // A draggable marker drawn as a DivIcon, so no marker image files are needed; the 24 px pin
    // sits in a 44 px box, so that a finger can take hold of it.
    const marker = L.marker([point.lat, point.lng], {
      draggable: true,
      icon: L.divIcon({ className: '', html: '<div class="pin-hit"><div class="pin-marker"></div></div>', iconSize: [44, 44], iconAnchor: [22, 44] }),
      keyboard: true,
      title: 'Lokasi laporan',
    }).addTo(map);
    marker.on('dragend', () => {
      const at = marker.getLatLng();
      onPick({ lat: at.lat, lng: at.lng });
    });
    return () => {
      marker.remove();
    };
  }, [map, point, onPick]);
  return <CircleMarker center={[point.lat, point.lng]} radius={3} pathOptions={{ color: '#0f3d5e' }} interactive={false} />;
}
