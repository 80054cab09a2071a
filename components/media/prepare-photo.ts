import { CAPTURE_FIELDS, isReencodedBetter, planUpload, UPLOAD_QUALITY, UPLOAD_TYPE, type PhotoCapture } from '@/lib/media/light-upload';
import { readCapture } from './read-capture';

export interface PreparedPhoto {
  original: File;
  /** what is sent: a lighter JPEG made from the original, or the original itself */
  upload: File;
  /** read from the original's EXIF, sent next to the photo */
  capture: PhotoCapture;
}

// One photo at a time: a 12-megapixel photo takes about 48 MB decoded, and a phone may have little.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Makes a chosen photo light to send (lib/media/light-upload): EXIF rotation applied, at most
 * 2048 px, JPEG. A photo the browser cannot decode (HEIC in most browsers) or that gains nothing
 * is sent as it is, and the server's checks decide. Never rejects.
 */
export function preparePhoto(original: File): Promise<PreparedPhoto> {
  const job = queue.then(async () => {
    const [capture, lighter] = await Promise.all([readCapture(original), reencode(original).catch(() => null)]);
    return { original, upload: lighter ?? original, capture };
  });
  queue = job;
  return job;
}

async function reencode(file: File): Promise<File | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
  try {
    const shown = { width: bitmap.width, height: bitmap.height, bytes: file.size, type: file.type };
    const plan = planUpload(shown);
    if (plan.kind === 'as_is') return null;
    const canvas = document.createElement('canvas');
    canvas.width = plan.width;
    canvas.height = plan.height;
    const context = canvas.getContext('2d');
    if (!context) return null;
    // JPEG has no transparency: what is transparent in a PNG becomes white, not black
    context.fillStyle = '#fff';
    context.fillRect(0, 0, plan.width, plan.height);
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, plan.width, plan.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, UPLOAD_TYPE, UPLOAD_QUALITY));
    if (!blob || blob.type !== UPLOAD_TYPE || !isReencodedBetter(shown, blob.size)) return null;
    return new File([blob], file.name.replace(/\.[^.]*$/, '') + '.jpg', { type: UPLOAD_TYPE, lastModified: file.lastModified });
  } finally {
    bitmap.close();
  }
}

/** The capture values of each photo, in the order of its `foto` field (empty where none was read). */
export function captureFieldValues(capture: PhotoCapture): [name: string, value: string][] {
  return [
    [CAPTURE_FIELDS.takenAt, capture.takenAt ?? ''],
    [CAPTURE_FIELDS.lat, capture.lat?.toString() ?? ''],
    [CAPTURE_FIELDS.lng, capture.lng?.toString() ?? ''],
  ];
}

/** Appends a photo and its capture values to a form being sent. */
export function appendPhoto(data: FormData, photo: PreparedPhoto): void {
  data.append('foto', photo.upload);
  for (const [name, value] of captureFieldValues(photo.capture)) data.append(name, value);
}
