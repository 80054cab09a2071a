import type { NewReport, NewReportEvent, ReportStatus } from '@/db/schema';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { RegionFeature } from '@/lib/regions/geo';
import { createAreaSampler } from '@/lib/regions/sample';
import { officeCode } from '@/lib/reference/agencies';
import type { CategoryDef } from '@/lib/reference/categories';
import type { ChannelDef } from '@/lib/reference/channels';
import { isOpen } from '@/lib/reports/lifecycle';
import { formatTicketNumber, wibDay, type TicketSeries } from '@/lib/reports/ticket-number';
import { DEFAULT_SLA_POLICY, escalationLevelAt } from '@/lib/sla/policy';
import { createRand, logNormal, weightedPicker, type Rand } from './random';
import { planLifecycle, type PlannedEvent } from './lifecycle-plan';
import { describeComplaint, pickStreet } from './templates';
import { fakeReporter } from './people';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NO_HOLIDAYS: ReadonlySet<string> = new Set();

export interface GeneratorOptions {
  reports: number;
  months: number;
  seed: number;
  /** The end of the generated period (reports are filed before it, events never after it). */
  end: Date;
  /** First report id to use (ids are assigned here so that events can refer to them). */
  firstReportId?: number;
  firstEventId?: number;
  batchSize?: number;
}

export interface GeneratorReference {
  kelurahan: RegionFeature[];
  categories: CategoryDef[];
  channels: ChannelDef[];
  agencyIdByCode: Map<string, number>;
}

export interface RatingRow {
  reportId: number;
  score: number;
  comment: string | null;
  createdAt: Date;
}

export interface DemoBatch {
  reports: (NewReport & { id: number })[];
  events: (NewReportEvent & { id: number })[];
  ratings: RatingRow[];
}

/** Spread of filing times over a day in WIB: quiet at night, busy in the morning and evening. */
const HOURLY_WEIGHT = [1, 0.6, 0.4, 0.3, 0.5, 1.5, 3, 5, 7, 8, 8, 7, 6, 6, 6, 6, 6, 6, 6, 7, 7, 5, 3, 2];

/** Filing times, sorted ascending, so that daily ticket numbers follow the order of filing. */
function filingTimes(rand: Rand, count: number, start: number, end: number): Float64Array {
  const pickHour = weightedPicker(
    HOURLY_WEIGHT.map((w, h) => ({ w, h })),
    (x) => x.w,
  );
  const days = Math.max(1, Math.floor((end - start) / DAY));
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const day = Math.floor(rand() * days);
    const hourWib = pickHour(rand).h;
    // midnight WIB of that day is 17:00 UTC of the day before
    const t = start - (start % DAY) - 7 * HOUR + day * DAY + hourWib * HOUR + rand() * HOUR;
    times[i] = Math.min(Math.max(t, start), end - 60_000);
  }
  return times.sort();
}

const samplers = new WeakMap<RegionFeature, ReturnType<typeof createAreaSampler>>();

function pointIn(rand: Rand, feature: RegionFeature): { lat: number; lng: number } {
  let sample = samplers.get(feature);
  if (!sample) {
    sample = createAreaSampler(feature.geometry);
    samplers.set(feature, sample);
  }
  // Six decimals (≈0.1 m), as a phone's GPS reports; rounding can step over a boundary, so check.
  for (;;) {
    const p = sample(rand);
    const rounded = { lat: Math.round(p.lat * 1e6) / 1e6, lng: Math.round(p.lng * 1e6) / 1e6 };
    if (booleanPointInPolygon([rounded.lng, rounded.lat], feature.geometry)) return rounded;
  }
}

/**
 * Deterministic demo reports and their timelines, yielded in batches so that millions
 * can be streamed into the database without holding them in memory.
 */
export function* generateDemo(ref: GeneratorReference, options: GeneratorOptions): Generator<DemoBatch> {
  const rand = createRand(options.seed);
  const end = options.end.getTime();
  const start = end - options.months * 30.44 * DAY;
  const times = filingTimes(rand, options.reports, start, end);
  const agencyId = (code: string) => {
    const id = ref.agencyIdByCode.get(code);
    if (id === undefined) throw new Error(`unknown agency ${code}`);
    return id;
  };

  const pickCategory = weightedPicker(ref.categories, (c) => c.demoWeight);
  const pickChannel = weightedPicker(ref.channels, (c) => c.demoWeight);
  // Kepulauan Seribu is small and sparsely populated: fewer reports there.
  const pickKelurahan = weightedPicker(ref.kelurahan, (f) =>
    f.properties.code.startsWith('31.01') ? 0.15 : 1,
  );
  const recentByCategory = new Map<string, number[]>();

  let reportId = options.firstReportId ?? 1;
  let eventId = options.firstEventId ?? 1;
  let day = '';
  // each series counts from 1 every day: confidential tickets leave no gap in the public one
  const sequences: Record<TicketSeries, number> = { public: 0, confidential: 0 };
  let batch: DemoBatch = { reports: [], events: [], ratings: [] };
  const batchSize = options.batchSize ?? 2000;

  for (let i = 0; i < times.length; i++) {
    const createdAt = new Date(times[i]);
    const thisDay = wibDay(createdAt);
    if (thisDay !== day) {
      day = thisDay;
      sequences.public = sequences.confidential = 0;
    }
    const category = pickCategory(rand);
    const series: TicketSeries = category.isConfidential ? 'confidential' : 'public';
    const sequence = ++sequences[series];
    const confidentialChannel = rand() < 0.7 ? 'jaki' : 'inspektorat';
    const channel = category.isConfidential
      ? ref.channels.find((c) => c.code === confidentialChannel)!
      : pickChannel(rand);
    const kelurahan = pickKelurahan(rand);
    const kelCode = kelurahan.properties.code;
    const kecCode = kelurahan.properties.parent_code;
    const kotaCode = kecCode.slice(0, 5);
    // Operators place a pin for most typed-in reports; the rest carry only the kelurahan.
    const hasPoint = channel.isGeotagged || rand() < 0.6;
    const point = hasPoint ? pointIn(rand, kelurahan) : null;
    const street = pickStreet(rand);
    const description = describeComplaint(category.code, rand, {
      street,
      kelurahan: kelurahan.properties.name,
    });
    const recent = recentByCategory.get(category.code) ?? [];

    const plan = planLifecycle(rand, {
      createdAt: times[i],
      end,
      category,
      kelurahanOffice: officeCode.kelurahan(kelCode),
      kotaCode,
      hasEarlierReport: recent.length > 0,
    });
    const duplicateOfId =
      plan.rejectReason === 'duplikat' ? recent[Math.floor(rand() * recent.length)] : null;

    const id = reportId++;
    recent.push(id);
    if (recent.length > 50) recent.shift();
    recentByCategory.set(category.code, recent);

    const reporter = fakeReporter(rand);
    const last = plan.events[plan.events.length - 1];
    const status: ReportStatus = plan.status;
    batch.reports.push({
      id,
      number: formatTicketNumber(day, sequence, series),
      channelCode: channel.code,
      channelRef: channel.isGeotagged ? null : `${channel.code}-${id}`,
      categoryCode: category.code,
      description,
      address: hasPoint ? null : `${street}, Kel. ${kelurahan.properties.name}`,
      isPublic: !category.isConfidential && rand() < 0.45,
      isConfidential: category.isConfidential ?? false,
      lat: point?.lat ?? null,
      lng: point?.lng ?? null,
      kelurahanCode: kelCode,
      kecamatanCode: kecCode,
      kotaCode,
      status,
      handlingAgencyId: agencyId(plan.handlingAgency),
      estimatedCompletionAt: plan.estimatedCompletionAt ? new Date(plan.estimatedCompletionAt) : null,
      firstResponseDueAt: new Date(times[i] + DAY),
      dueAt: new Date(times[i] + 7 * DAY),
      // open tickets already as far up the ladder as the default policy puts them at the end of the period
      escalationLevel: isOpen(status)
        ? escalationLevelAt(new Date(plan.estimatedCompletionAt ?? times[i] + 7 * DAY), new Date(end), DEFAULT_SLA_POLICY, NO_HOLIDAYS)
        : 0,
      locationApproximate: false,
      // integrity marks from their own stream, so the rest of the generated data stays as it was
      ...proofMarks(id, status, plan.rejectedFollowUpCount),
      firstResponseAt: plan.firstResponseAt ? new Date(plan.firstResponseAt) : null,
      finishedAt: plan.finishedAt ? new Date(plan.finishedAt) : null,
      lastActivityAt: new Date(last.at),
      supportCount: rand() < 0.08 ? 1 + Math.floor(logNormal(rand, 1.5, 0.8)) : 0,
      reopenCount: plan.reopenCount,
      rejectedFollowUpCount: plan.rejectedFollowUpCount,
      rejectReason: plan.rejectReason,
      duplicateOfId,
      version: plan.events.length,
      reporterName: reporter.name,
      reporterPhone: reporter.phone,
      reporterEmail: reporter.email,
      trackingSecretHash: null,
      idempotencyKey: null,
      createdAt,
      updatedAt: new Date(last.at),
    });
    for (const e of plan.events) batch.events.push(toEventRow(eventId++, id, e, agencyId));
    if (plan.rating) batch.ratings.push({ reportId: id, ...plan.rating, createdAt: new Date(plan.rating.at) });

    if (batch.reports.length >= batchSize) {
      yield batch;
      batch = { reports: [], events: [], ratings: [] };
    }
  }
  if (batch.reports.length > 0) yield batch;
}

function toEventRow(
  id: number,
  reportId: number,
  e: PlannedEvent,
  agencyId: (code: string) => number,
): NewReportEvent & { id: number } {
  return {
    id,
    reportId,
    type: e.type,
    fromStatus: e.from,
    toStatus: e.to,
    isPublic: e.type !== 'catatan',
    actorUserId: null,
    actorAgencyId: e.agency ? agencyId(e.agency) : null,
    actorLabel: e.actorLabel ?? null,
    body: e.body ?? null,
    data: e.data ?? null,
    createdAt: new Date(e.at),
  };
}

/** Photo flags and citizen disputes of a generated ticket with a follow-up (more often where a follow-up was rejected). */
function proofMarks(id: number, status: string, rejectedFollowUps: number): { proofFlags: number; disputeCount: number } {
  const hadFollowUp = status === 'selesai' || status === 'menunggu_validasi' || rejectedFollowUps > 0;
  if (!hadFollowUp) return { proofFlags: 0, disputeCount: 0 };
  const rand = createRand(id * 7919 + 17);
  const flagged = rand() < (rejectedFollowUps > 0 ? 0.4 : 0.12);
  return { proofFlags: flagged ? 1 + Math.floor(rand() * 2) : 0, disputeCount: rand() < (rejectedFollowUps > 0 ? 0.15 : 0.02) ? 1 : 0 };
}
