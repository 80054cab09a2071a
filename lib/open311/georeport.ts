import { js2xml } from 'xml-js';
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { agencies, categories } from '@/db/schema';
import { publicText } from '@/db/queries/public';
import { publicAttachments, publicReportEvents, publicReports as reports } from '@/db/queries/public/views';
import { OPEN_STATUSES } from '@/lib/reports/lifecycle';
import { UNCATEGORISED } from '@/lib/reference/categories';

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), read side: discovery, services,
 * service definitions and requests, in JSON and XML with the spec's field names, read through the
 * public projection: never reporter contact, never a confidential ticket, a private report without
 * text and at its snapped position (also for bounding boxes).
 */

export const JURISDICTION = 'jakarta.go.id';
export type Format = 'json' | 'xml';

/** Open311's error shape: an array of {code, description}, with the HTTP status the spec gives. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429,
    readonly description: string,
  ) {
    super(description);
  }
}

/** ISO 8601 with the WIB offset, as the spec asks ("2026-11-26T14:05:00+07:00"). */
export function isoWib(at: Date | null): string | null {
  if (!at) return null;
  return `${new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

/** A value as xml-js compact elements (null is an empty element). */
function toXml(v: unknown): unknown {
  if (v === null || v === undefined) return {};
  if (Array.isArray(v)) return v.map(toXml);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, toXml(x)]));
  return { _text: String(v) };
}

const xmlDocument = (root: string, body: unknown) =>
  js2xml({ _declaration: { _attributes: { version: '1.0', encoding: 'utf-8' } }, [root]: body }, { compact: true, spaces: 2 });

/** Renders a list of records: a JSON array, or XML with the spec's root and item element names. */
export function render(format: Format, root: string, item: string, records: Record<string, Value>[]): string {
  return format === 'json' ? JSON.stringify(records) : xmlDocument(root, { [item]: records.map(toXml) });
}

/** One object as XML under `root` (arrays of strings are given their item element names by the caller). */
export function renderXmlObject(root: string, value: Record<string, unknown>): string {
  return xmlDocument(root, toXml(value));
}

export function renderErrors(format: Format, error: Open311Error): string {
  return render(format, 'errors', 'error', [{ code: String(error.status), description: error.description }]);
}

export function discovery(base: string) {
  return {
    changeset: '2026-11-26T00:00:00+07:00',
    contact: 'Aduan Jakarta — portal pengaduan warga',
    key_service: `${base.replace(/\/open311\/v2$/, '')}/petugas`,
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: base,
        changeset: '2026-11-26T00:00:00+07:00',
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

/** Every public category as a service (the confidential one is filed through the Inspectorate, not here). */
/** Whether a service code is one listServices offers (one indexed row, not the whole list). */
export async function isService(db: Db, code: string): Promise<boolean> {
  const [row] = await db
    .select({ code: categories.code })
    .from(categories)
    .where(and(eq(categories.code, code), eq(categories.isConfidential, false), sql`${categories.code} <> ${UNCATEGORISED}`));
  return row !== undefined;
}

export async function listServices(db: Db) {
  const rows = await db
    .select()
    .from(categories)
    .where(and(eq(categories.isConfidential, false), sql`${categories.code} <> ${UNCATEGORISED}`))
    .orderBy(asc(categories.sortOrder));
  return rows.map((c) => ({
    service_code: c.code,
    service_name: c.nameId,
    description: `${c.nameId} (${c.nameEn})`,
    metadata: false,
    type: 'realtime',
    keywords: [c.nameEn.toLowerCase()].join(','),
    group: c.groupId,
  }));
}

export async function serviceDefinition(db: Db, code: string) {
  const services = await listServices(db);
  if (!services.some((s) => s.service_code === code)) throw new Open311Error(404, `service_code ${code} tidak dikenal / unknown`);
  // no category asks extra questions yet: an empty attribute list, as the spec allows
  return { service_code: code, attributes: [] as Value[] };
}

export interface RequestQuery {
  ids: string[];
  serviceCodes: string[];
  start: Date | null;
  end: Date | null;
  status: 'open' | 'closed' | null;
  page: number;
  pageSize: number;
  /** The bounding-box extension: west, south, east, north. */
  bbox?: [number, number, number, number] | null;
}

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Reads the query of GET requests with the spec's defaults (the last 90 days, at most 1,000 requests). */
export function parseRequestQuery(params: URLSearchParams, now: Date): RequestQuery {
  const date = (key: string) => {
    const raw = params.get(key);
    if (!raw) return null;
    const d = new Date(raw);
    if (!DATE.test(raw) || Number.isNaN(d.getTime())) throw new Open311Error(400, `${key} bukan tanggal ISO 8601 / not an ISO 8601 date`);
    return d;
  };
  let end = date('end_date');
  let start = date('start_date');
  const ids = (params.get('service_request_id') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!ids.length) {
    // the spec: without dates, the last 90 days; never a window over 90 days
    end ??= now;
    start ??= new Date(end.getTime() - 90 * DAY);
    if (start > end) throw new Open311Error(400, 'start_date sesudah end_date / start_date after end_date');
    if (end.getTime() - start.getTime() > 90 * DAY) throw new Open311Error(400, 'rentang lebih dari 90 hari / range over 90 days');
  }
  const status = params.get('status');
  if (status && status !== 'open' && status !== 'closed') throw new Open311Error(400, 'status harus open atau closed / status must be open or closed');
  const rawBox = params.get('bbox');
  let bbox: [number, number, number, number] | null = null;
  if (rawBox) {
    const parts = rawBox.split(',').map(Number);
    if (parts.length !== 4 || parts.some((v) => !Number.isFinite(v)) || parts[0] > parts[2] || parts[1] > parts[3]) {
      throw new Open311Error(400, 'bbox harus barat,selatan,timur,utara / bbox must be west,south,east,north');
    }
    bbox = parts as [number, number, number, number];
  }
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const pageSize = Math.min(1000, Math.max(1, Number(params.get('page_size') ?? 1000) || 1000));
  return {
    ids,
    serviceCodes: (params.get('service_code') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    start,
    end,
    status: (status as 'open' | 'closed' | null) ?? null,
    page,
    pageSize,
    bbox,
  };
}

/** Service requests as the spec names their fields; newest first. */
/** One request by its id, or nothing. */
export async function findRequest(db: Db, id: string, site: string) {
  return findRequests(db, { ids: [id.toUpperCase()], serviceCodes: [], start: null, end: null, status: null, page: 1, pageSize: 1 }, site);
}

export async function findRequests(db: Db, q: RequestQuery, site: string) {
  const where: (SQL | undefined)[] = [];
  if (q.ids.length) where.push(inArray(reports.number, q.ids));
  if (q.serviceCodes.length) where.push(inArray(reports.categoryCode, q.serviceCodes));
  if (q.start) where.push(gte(reports.createdAt, q.start));
  if (q.end) where.push(lt(reports.createdAt, q.end));
  if (q.bbox) where.push(sql`${reports.lng} between ${q.bbox[0]} and ${q.bbox[2]} and ${reports.lat} between ${q.bbox[1]} and ${q.bbox[3]}`);
  if (q.status === 'open') where.push(inArray(reports.status, OPEN_STATUSES));
  if (q.status === 'closed') where.push(sql`${reports.status} not in ('menunggu', 'koordinasi', 'disposisi', 'proses', 'menunggu_validasi')`);
  const rows = await db
    .select({
      id: reports.id,
      number: reports.number,
      status: reports.status,
      categoryCode: reports.categoryCode,
      categoryName: categories.nameId,
      description: reports.description,
      isPublic: reports.isPublic,
      address: reports.address,
      lat: reports.lat,
      lng: reports.lng,
      agency: agencies.name,
      createdAt: reports.createdAt,
      updatedAt: reports.updatedAt,
      estimatedCompletionAt: reports.estimatedCompletionAt,
      dueAt: reports.dueAt,
    })
    .from(reports)
    .innerJoin(categories, eq(categories.code, reports.categoryCode))
    .leftJoin(agencies, eq(agencies.id, reports.handlingAgencyId))
    .where(and(...where))
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  // the latest public word from the officials, as status_notes
  const notes = rows.length
    ? await db
        .selectDistinctOn([publicReportEvents.reportId], { reportId: publicReportEvents.reportId, body: publicReportEvents.body })
        .from(publicReportEvents)
        .where(
          and(
            inArray(publicReportEvents.reportId, rows.map((r) => r.id)),
            eq(publicReportEvents.isPublic, true),
            eq(publicReportEvents.isFromReporter, false),
            sql`${publicReportEvents.body} is not null`,
          ),
        )
        .orderBy(publicReportEvents.reportId, desc(publicReportEvents.id))
    : [];
  const noteOf = new Map(notes.map((n) => [n.reportId, n.body]));
  // the reporter's first photo of a public report (the projection has none of a private one)
  const photos = rows.length
    ? await db
        .selectDistinctOn([publicAttachments.reportId], { reportId: publicAttachments.reportId, id: publicAttachments.id })
        .from(publicAttachments)
        .where(and(inArray(publicAttachments.reportId, rows.map((r) => r.id)), eq(publicAttachments.kind, 'sebelum')))
        .orderBy(publicAttachments.reportId, asc(publicAttachments.id))
    : [];
  const photoOf = new Map(photos.map((p) => [p.reportId, p.id]));
  return rows.map((r) => ({
    service_request_id: r.number,
    status: (OPEN_STATUSES as string[]).includes(r.status) ? 'open' : 'closed',
    status_notes: publicText(noteOf.get(r.id) ?? null),
    service_name: r.categoryName,
    service_code: r.categoryCode,
    description: publicText(r.description),
    agency_responsible: r.agency,
    service_notice: null,
    requested_datetime: isoWib(r.createdAt),
    updated_datetime: isoWib(r.updatedAt),
    expected_datetime: isoWib(r.estimatedCompletionAt ?? r.dueAt),
    address: publicText(r.address),
    address_id: null,
    zipcode: null,
    lat: r.lat,
    long: r.lng,
    media_url: photoOf.has(r.id) ? `${site}/api/foto/${photoOf.get(r.id)}` : null,
  }));
}

/** FixMyStreet's extended statuses for the updates feed. */
export function extendedStatus(status: string, rejectReason: string | null): string {
  switch (status) {
    case 'menunggu':
      return 'OPEN';
    case 'koordinasi':
    case 'disposisi':
      return 'INVESTIGATING';
    case 'proses':
    case 'menunggu_validasi':
      return 'IN_PROGRESS';
    case 'selesai':
      return 'FIXED';
    default:
      return rejectReason === 'duplikat' ? 'DUPLICATE' : rejectReason === 'bukan_kewenangan' ? 'NOT_COUNCILS_RESPONSIBILITY' : 'NO_FURTHER_ACTION';
  }
}

/**
 * servicerequestupdates (the FixMyStreet extension): every public change of public tickets in a
 * time window (default the last 24 hours, at most 7 days), oldest first.
 */
export async function findUpdates(db: Db, params: URLSearchParams, now: Date) {
  const parse = (key: string) => {
    const raw = params.get(key);
    if (!raw) return null;
    const d = new Date(raw);
    if (!DATE.test(raw) || Number.isNaN(d.getTime())) throw new Open311Error(400, `${key} bukan tanggal ISO 8601 / not an ISO 8601 date`);
    return d;
  };
  const end = parse('end_date') ?? now;
  const start = parse('start_date') ?? new Date(end.getTime() - DAY);
  if (start > end || end.getTime() - start.getTime() > 7 * DAY) throw new Open311Error(400, 'rentang tanggal tidak valid (maks. 7 hari) / invalid range (max 7 days)');
  const rows = await db
    .select({
      id: publicReportEvents.id,
      number: reports.number,
      toStatus: publicReportEvents.toStatus,
      rejectReason: reports.rejectReason,
      body: publicReportEvents.body,
      type: publicReportEvents.type,
      createdAt: publicReportEvents.createdAt,
    })
    .from(publicReportEvents)
    .innerJoin(reports, eq(reports.id, publicReportEvents.reportId))
    .where(and(eq(publicReportEvents.isPublic, true), gte(publicReportEvents.createdAt, start), lt(publicReportEvents.createdAt, end)))
    .orderBy(asc(publicReportEvents.createdAt), asc(publicReportEvents.id))
    .limit(1000);
  return rows.map((r) => ({
    update_id: String(r.id),
    service_request_id: r.number,
    status: extendedStatus(r.toStatus ?? 'menunggu', r.toStatus === 'ditolak' ? r.rejectReason : null),
    updated_datetime: isoWib(r.createdAt),
    description: publicText(r.body) ?? r.type,
    media_url: null,
  }));
}
