import { captureFromExif, NO_CAPTURE, type PhotoCapture } from '@/lib/media/light-upload';

/** The EXIF and GPS directories (and the first, which points to them), with raw values: the time as the camera wrote it, without the browser's zone. */
const OPTIONS = { exif: true, gps: true, reviveValues: false, translateValues: false } as const;

/**
 * The capture time and position of an original photo, read before it is downscaled (the lighter
 * JPEG carries no EXIF). The reader is loaded only once a photo is chosen, and reads only the
 * start of a file in the browser. Never throws: a photo without EXIF has no capture values.
 */
export async function readCapture(photo: Blob | Uint8Array): Promise<PhotoCapture> {
  try {
    const { parse } = await loadReader();
    return captureFromExif(await parse(photo, OPTIONS));
  } catch {
    return NO_CAPTURE;
  }
}

let reader: ReturnType<typeof importReader> | null = null;
const importReader = () => import('exifr/dist/lite.esm.mjs');

/** The reader's code, loaded once; a failed load (no signal) is tried again next time. */
function loadReader() {
  reader ??= importReader().catch((error: unknown) => {
    reader = null;
    throw error;
  });
  return reader;
}

/**
 * Loads the reader while the form is open and the signal still there, so that a photo chosen
 * later without signal still has its capture time and place read.
 */
export function warmCaptureReader(): void {
  loadReader().catch(() => {});
}
