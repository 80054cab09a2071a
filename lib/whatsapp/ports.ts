import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { getPublicReport } from '@/db/queries/public/reports';
import { getPublicTimeline } from '@/db/queries/public/ticket';
import { categories, regions } from '@/db/schema';
import { createReport } from '@/lib/intake/create-report';
import { answerTypedNumber } from '@/lib/intake/tracker';
import { formatWib } from '@/lib/format';
import { eventLabel, statusLabel } from '@/lib/i18n';
import { MAX_PHOTO_BYTES } from '@/lib/intake/form-limits';
import { ImageRejectedError } from '@/lib/media/process-image';
import { acceptImage, type AcceptedImage } from '@/lib/media/quarantine';
import type { MediaStorage } from '@/lib/media/storage';
import { createPlaceMatcher, type PlaceMatcher } from '@/lib/reference/match-place';
import { locate } from '@/lib/regions/jakarta';
import type { WhatsAppConfig } from './config';
import type { CategoryOption, ConversationPorts, Draft, PhotoCheck } from './conversation';
import { downloadMedia } from './graph';

export interface PortDeps {
  now: Date;
  storage: MediaStorage;
  publicUrl: string;
  config: WhatsAppConfig;
}

let placeMatcher: Promise<PlaceMatcher> | null = null;

/** Region names change only with a new reference load: matched from a copy read once per process. */
function places(db: Db): Promise<PlaceMatcher> {
  placeMatcher ??= db
    .select({ code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode })
    .from(regions)
    .then((rows) => createPlaceMatcher(rows))
    .catch((error) => {
      placeMatcher = null;
      throw error;
    });
  return placeMatcher;
}

/** A photo the resident sent, through the Graph API media endpoint and the web form's checks. */
async function fetchPhoto(config: WhatsAppConfig, mediaId: string): Promise<{ ok: true; image: AcceptedImage } | { ok: false; check: Exclude<PhotoCheck, 'ok'> }> {
  const download = await downloadMedia(config, mediaId, MAX_PHOTO_BYTES);
  if (!download.ok) return { ok: false, check: download.reason };
  try {
    return { ok: true, image: await acceptImage(download.data) };
  } catch (error) {
    if (error instanceof ImageRejectedError) return { ok: false, check: error.code };
    throw error;
  }
}

/**
 * The conversation's ports on the database and the Graph API, for the message `wamid` from
 * conversation `conversationId`. Filing uses the wamid of the message that completed the report
 * as its channel reference, so a retried message files nothing twice.
 */
export function conversationPorts(db: Db, deps: PortDeps, wamid: string, filed: { number?: string }): ConversationPorts {
  return {
    async categories(): Promise<CategoryOption[]> {
      return db
        .select({ code: categories.code, nameId: categories.nameId, nameEn: categories.nameEn, groupId: categories.groupId, groupEn: categories.groupEn, isConfidential: categories.isConfidential })
        .from(categories)
        .orderBy(asc(categories.sortOrder), asc(categories.code));
    },
    async checkPhoto(mediaId) {
      const photo = await fetchPhoto(deps.config, mediaId);
      return photo.ok ? 'ok' : photo.check;
    },
    isInJakarta: (lat, lng) => locate(lat, lng) !== null,
    async findPlace(text) {
      const matcher = await places(db);
      // "Kel. Gambir", or the kelurahan as one part of an address ("Jl. Kebon Sirih 5, Gambir")
      for (const part of [text, ...text.split(/[,\n;]/)]) {
        const match = matcher.kelurahan(part.trim());
        if (match && 'place' in match) {
          const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, match.place.kelurahanCode));
          return { kelurahanCode: match.place.kelurahanCode, name: row?.name ?? match.place.kelurahanCode };
        }
      }
      return null;
    },
    async track(typed, language) {
      const answer = answerTypedNumber(typed);
      if (answer.kind === 'empty' || answer.kind === 'invalid') return { kind: 'invalid' };
      if (answer.kind === 'confidential') return { kind: 'confidential' };
      const report = await getPublicReport(db, answer.number);
      if (!report) return { kind: 'not_found', number: answer.number };
      const last = (await getPublicTimeline(db, answer.number)).at(-1);
      return {
        kind: 'ticket',
        number: report.number,
        status: statusLabel(report.status, language),
        lastStep: last
          ? { at: formatWib(last.createdAt, language), text: [eventLabel(last.type, language), last.actor, last.body ? `"${last.body.slice(0, 300)}"` : null].filter(Boolean).join(' — ') }
          : null,
      };
    },
    async file(draft: Draft, isPublic: boolean) {
      const photo = draft.mediaId ? await fetchPhoto(deps.config, draft.mediaId) : null;
      const created = await createReport(
        db,
        {
          formToken: `kanal:whatsapp:${wamid}`,
          channelCode: 'whatsapp',
          channelRef: wamid,
          categoryCode: draft.categoryCode ?? null,
          description: draft.description ?? '',
          isPublic,
          lat: draft.lat ?? null,
          lng: draft.lng ?? null,
          kelurahanCode: draft.lat != null ? null : (draft.kelurahanCode ?? null),
          address: draft.address ?? null,
          reporterName: null,
          // the number stays with the conversation (wa_conversations); the ticket follows it as `wa:<id>`
          reporterPhone: null,
          reporterEmail: null,
          photos: photo?.ok ? [photo.image] : [],
          allowUnlocated: true,
        },
        deps,
      );
      filed.number = created.number;
      return { number: created.number, link: `${deps.publicUrl}/lacak/${created.number}?kunci=${created.trackingKey}` };
    },
  };
}
