'use client';

import { useEffect, useState } from 'react';
import { preparePhoto, type PreparedPhoto } from './prepare-photo';
import { warmCaptureReader } from './read-capture';

export interface ChosenPhoto {
  original: File;
  /** null while the browser is still making it lighter */
  prepared: PreparedPhoto | null;
}

/**
 * The photos a form keeps (not the file input, so that one can be removed and nothing is lost
 * when a send fails), each made lighter as soon as it is chosen.
 */
export function usePreparedPhotos() {
  const [photos, setPhotos] = useState<ChosenPhoto[]>([]);
  // the EXIF reader is loaded with the form, not when a photo is chosen, which may be offline
  useEffect(() => warmCaptureReader(), []);
  const add = (files: File[]) => {
    setPhotos((list) => [...list, ...files.map((original) => ({ original, prepared: null }))]);
    for (const original of files) {
      void preparePhoto(original).then((prepared) => setPhotos((list) => list.map((p) => (p.original === original ? { ...p, prepared } : p))));
    }
  };
  const remove = (index: number) => setPhotos((list) => list.filter((_, i) => i !== index));
  const isPreparing = photos.some((p) => p.prepared === null);
  return { photos, add, remove, isPreparing };
}
