import type { ReferenceKind } from '@/db/schema';
import { UNCATEGORISED } from '@/lib/reference/categories';
import { labelKey } from '@/lib/reference/label';
import type { AgencyMatcher } from '@/lib/reference/match-agency';
import type { Place, PlaceMatcher } from '@/lib/reference/match-place';

/**
 * What one archive row becomes, decided without the database: refused only when it has no usable
 * report number or date; otherwise imported whatever its labels say. A label that matches nothing
 * is kept (its key marks the report as held): an unknown category waits as "not yet categorised",
 * an unknown agency leaves the report with its kelurahan, an unknown or ambiguous kelurahan puts
 * it in triage.
 */

export interface RowMatchers {
  place: PlaceMatcher;
  category: (label: string) => string | null;
  agency: AgencyMatcher;
}

export interface RowPlan {
  number: string;
  createdAt: Date;
  description: string;
  place: Place | null;
  categoryCode: string;
  /** Agency code of the unit that holds it (null: in triage without a unit). */
  holderCode: string | null;
  labels: Record<ReferenceKind, string>;
  /** The key of each label that matched nothing (null when it matched). */
  unmatched: Record<ReferenceKind, string | null>;
  notes: string[];
}

export type RowOutcome = { ok: true; plan: RowPlan } | { ok: false; number: string; reason: string };

const NUMBER = /^JKR?(\d{2})(\d{2})(\d{2})\d{4}$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** A WIB moment from parts, or null when the day does not exist (2023-02-30). */
function wib(y: number, m: number, d: number, h = 12, min = 0, s = 0): Date | null {
  const date = new Date(Date.UTC(y, m - 1, d, h - 7, min, s));
  const check = new Date(date.getTime() + 7 * 3_600_000);
  return check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d && h < 24 && min < 60 && s < 60 ? date : null;
}

/**
 * When a report was filed: `date` as YYYY-MM-DD (optionally with a time) or DD/MM/YYYY, read as
 * WIB (noon when no time is given). An empty date falls back to the day in the CRM number
 * (JK + YYMMDD + sequence). A date that cannot be read is not guessed.
 */
export function parseArchiveDate(value: string, number: string): Date | null {
  const text = value.trim();
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, m, d, h, min, s] = iso.map(Number);
    return iso[4] === undefined ? wib(y, m, d) : wib(y, m, d, h, min, s || 0);
  }
  const dmy = DMY.exec(text);
  if (dmy) {
    const [, d, m, y, h, min, s] = dmy.map(Number);
    return dmy[4] === undefined ? wib(y, m, d) : wib(y, m, d, h, min, s || 0);
  }
  const fromNumber = NUMBER.exec(number);
  return text === '' && fromNumber ? wib(2000 + Number(fromNumber[1]), Number(fromNumber[2]), Number(fromNumber[3])) : null;
}

const field = (record: Record<string, string | undefined>, key: string) => record[key] ?? '';

export function planRow(record: Record<string, string | undefined>, match: RowMatchers): RowOutcome {
  const number = field(record, 'report_id').trim().toUpperCase();
  if (!NUMBER.test(number)) return { ok: false, number, reason: 'report_id tidak valid (harus JK + 10 angka)' };
  const createdAt = parseArchiveDate(field(record, 'date'), number);
  if (!createdAt) return { ok: false, number, reason: `tanggal tidak valid: "${field(record, 'date')}"` };

  const labels = { kelurahan: field(record, 'kelurahan'), kategori: field(record, 'category'), instansi: field(record, 'agency') };
  const notes: string[] = [];
  const unmatched: RowPlan['unmatched'] = { kelurahan: null, kategori: null, instansi: null };

  const agencyRef = match.agency.match(labels.instansi);
  const found = match.place.kelurahan(labels.kelurahan, { kotaCode: match.agency.kotaOf(labels.instansi) });
  const place = found && 'place' in found ? found.place : null;
  if (!place) {
    unmatched.kelurahan = labelKey(labels.kelurahan);
    notes.push(
      found && 'ambiguous' in found
        ? `nama kelurahan "${labels.kelurahan}" dipakai ${found.ambiguous.length} kelurahan; menunggu triase`
        : `kelurahan tidak dikenal: "${labels.kelurahan}"; menunggu triase`,
    );
  }
  let categoryCode = match.category(labels.kategori);
  if (!categoryCode) {
    categoryCode = UNCATEGORISED;
    unmatched.kategori = labelKey(labels.kategori);
    notes.push(`kategori tidak dikenal: "${labels.kategori}"; belum dikategorikan`);
  }
  let holderCode = agencyRef ? match.agency.holder(agencyRef, place) : null;
  if (!agencyRef) {
    unmatched.instansi = labelKey(labels.instansi);
    notes.push(`instansi tidak dikenal: "${labels.instansi}"; ${place ? 'ditangani kelurahan' : 'menunggu triase'}`);
  }
  // an unknown agency (or "the kelurahan" of an unknown place) leaves the report with its kelurahan, if any
  holderCode ??= place ? match.agency.holder({ office: 'kelurahan' }, place) : null;
  const dayOfNumber = NUMBER.exec(number)!.slice(1, 4).join('');
  const day = new Date(createdAt.getTime() + 7 * 3_600_000).toISOString().slice(2, 10).replace(/-/g, '');
  if (day !== dayOfNumber) notes.push(`tanggal ${day} tidak sama dengan tanggal di nomor (${dayOfNumber})`);

  return {
    ok: true,
    plan: { number, createdAt, description: field(record, 'description').trim(), place, categoryCode, holderCode, labels, unmatched, notes },
  };
}
