import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/connect';
import { createReport } from '@/lib/intake/create-report';
import { IntakeError, INTAKE_MESSAGE } from '@/lib/intake/errors';
import { ImageRejectedError } from '@/lib/media/process-image';
import { acceptImage, type AcceptedImage } from '@/lib/media/quarantine';
import type { MediaStorage } from '@/lib/media/storage';
import { locate } from '@/lib/regions/jakarta';
import { consumeRateLimit } from '@/lib/security/rate-limit';
import { isService, Open311Error } from './georeport';
import { findApiKey } from './keys';
import { withoutNul } from '@/lib/intake/clean-text';

/** Requests an app may file per key per hour. */
const PER_KEY_PER_HOUR = Number(process.env.ADUAN_OPEN311_REQUESTS_PER_HOUR ?? 100);
const MAX_DESCRIPTION = 4000;

const text = (f: FormData, key: string) => {
  const v = f.get(key);
  return typeof v === 'string' && withoutNul(v).trim() !== '' ? withoutNul(v).trim() : null;
};

/**
 * POST requests: files a report from another app. The key's owner is recorded with the ticket
 * (channel `open311`); contact fields stay private like every reporter's; a location outside
 * Jakarta or an over-long description is refused; without coordinates the report waits in triage
 * with its address.
 */
export async function fileServiceRequest(
  db: Db,
  form: FormData,
  deps: { now: Date; storage: MediaStorage; publicUrl: string },
): Promise<{ service_request_id: string; service_notice: string | null; account_id: string | null }[]> {
  const key = await findApiKey(db, text(form, 'api_key') ?? '');
  if (!key) throw new Open311Error(403, 'api_key tidak ada atau tidak valid / missing or invalid api_key');
  const limit = await consumeRateLimit(db, { action: 'open311', limit: PER_KEY_PER_HOUR, windowSeconds: 3600 }, `kunci:${key.id}`, deps.now);
  if (!limit.allowed) throw new Open311Error(429, `batas ${PER_KEY_PER_HOUR} permintaan per jam tercapai / rate limit reached`);

  const code = text(form, 'service_code');
  if (!code || !(await isService(db, code))) {
    throw new Open311Error(400, `service_code ${code ?? '(kosong)'} tidak dikenal / unknown service_code`);
  }
  const described = text(form, 'description');
  // a media_url of the app's own is kept with the text, where the public can follow it
  const mediaUrl = text(form, 'media_url');
  if (mediaUrl && !/^https?:\/\/\S{3,500}$/.test(mediaUrl)) throw new Open311Error(400, 'media_url bukan URL http(s) / media_url is not an http(s) URL');
  const description = described && mediaUrl ? `${described}\n\nMedia: ${mediaUrl}` : described;
  if (!description || description.length < 5) throw new Open311Error(400, 'description wajib diisi / description is required');
  if (described!.length > MAX_DESCRIPTION) throw new Open311Error(400, `description lebih dari ${MAX_DESCRIPTION} karakter / description longer than ${MAX_DESCRIPTION} characters`);
  const lat = text(form, 'lat');
  const lng = text(form, 'long');
  const address = text(form, 'address_string');
  let point: { lat: number; lng: number } | null = null;
  if (lat !== null || lng !== null) {
    point = { lat: Number(lat), lng: Number(lng) };
    if (!Number.isFinite(point.lat) || !Number.isFinite(point.lng) || !locate(point.lat, point.lng)) {
      throw new Open311Error(400, 'lat/long tidak valid atau di luar DKI Jakarta / lat/long invalid or outside Jakarta');
    }
  } else if (!address) {
    throw new Open311Error(400, 'lat dan long, atau address_string, wajib / lat and long, or address_string, required');
  }
  const email = text(form, 'email');
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new Open311Error(400, 'email tidak valid / invalid email');
  const phone = text(form, 'phone');
  const name = [text(form, 'first_name'), text(form, 'last_name')].filter(Boolean).join(' ') || null;
  const media = form.get('media');
  let photos: AcceptedImage[] = [];
  try {
    photos = media instanceof File && media.size > 0 ? [await acceptImage(Buffer.from(await media.arrayBuffer()))] : [];
  } catch (error) {
    if (error instanceof ImageRejectedError) throw new Open311Error(400, 'media bukan foto yang dapat dibaca / media is not a readable photo');
    throw error;
  }
  try {
    const created = await createReport(
      db,
      {
        formToken: `open311-${randomBytes(12).toString('base64url')}`,
        channelCode: 'open311',
        channelRef: `${key.owner} #${randomBytes(6).toString('hex')}`,
        categoryCode: code,
        description,
        isPublic: true,
        lat: point?.lat ?? null,
        lng: point?.lng ?? null,
        kelurahanCode: null,
        address: address?.slice(0, 300) ?? null,
        reporterName: name?.slice(0, 100) ?? null,
        reporterPhone: phone && /^\+?\d{8,15}$/.test(phone) ? phone : null,
        reporterEmail: email?.toLowerCase() ?? null,
        photos,
        allowUnlocated: true,
      },
      deps,
    );
    return [{ service_request_id: created.number, service_notice: null, account_id: null }];
  } catch (error) {
    if (error instanceof IntakeError) throw new Open311Error(400, `${INTAKE_MESSAGE[error.code].id} / ${INTAKE_MESSAGE[error.code].en}`);
    throw error;
  }
}
