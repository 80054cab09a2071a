'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';

interface Props {
  /** The page already has the official's position (in its address). */
  hasPosition: boolean;
  labels: { locate: string; relocate: string; locating: string; denied: string; unavailable: string };
}

/**
 * Asks the phone where the official stands, on a press (or at once when the site already may
 * know it), and reloads the field view with that position in its address: the server sorts by
 * distance, so the list works the same with or without this component.
 */
export function FieldPosition({ hasPosition, labels }: Props) {
  const router = useRouter();
  const [state, setState] = useState<'idle' | 'locating' | 'denied' | 'unavailable'>('idle');
  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) return setState('unavailable');
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        setState('idle');
        router.replace(`/petugas/lapangan?lat=${coords.latitude.toFixed(5)}&lng=${coords.longitude.toFixed(5)}`);
      },
      (error) => setState(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }, [router]);

  useEffect(() => {
    if (hasPosition || !navigator.permissions) return;
    navigator.permissions
      .query({ name: 'geolocation' })
      .then((status) => {
        if (status.state === 'granted') locate();
      })
      .catch(() => {});
  }, [hasPosition, locate]);

  return (
    <div className="space-y-1">
      <button type="button" onClick={locate} disabled={state === 'locating'} className="min-h-11 rounded bg-[#0f3d5e] px-4 py-2 font-semibold text-white disabled:opacity-60" data-testid="field-locate">
        {state === 'locating' ? labels.locating : hasPosition ? labels.relocate : labels.locate}
      </button>
      {state === 'denied' || state === 'unavailable' ? (
        <p role="alert" className="text-sm text-red-800" data-testid="field-position-problem">
          {labels[state]}
        </p>
      ) : null}
    </div>
  );
}
