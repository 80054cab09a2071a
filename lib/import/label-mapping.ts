import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/connect';
import { bulkInsert, rowsOf } from '@/db/bulk';
import { agencies, archiveLabels, auditLog, categories, referenceAliases, referenceKind, regions, reportEvents, type ReferenceKind } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/permissions';
import { UNCATEGORISED } from '@/lib/reference/categories';
import { OFFICE_TARGETS } from '@/lib/reference/match-agency';
import { standInPoint } from './archive';
import { loadMatchers } from './matchers';

/**
 * An admin maps an archive label that matched nothing onto a category, an agency or a kelurahan,
 * once: the mapping is remembered for every later import (reference_aliases) and applied now to
 * every report held under that label. A report staff have already acted on keeps what they
 * decided; only its label is cleared. The mapping, each moved report's event and the audit row
 * commit together.
 */

export class LabelMappingError extends Error {
  constructor(public readonly code: 'tidak_berwenang' | 'tidak_valid' | 'label_tidak_ada' | 'tujuan_tidak_valid') {
    super(code);
  }
}

export const LABEL_MAPPING_MESSAGE: Record<LabelMappingError['code'], { id: string; en: string }> = {
  tidak_berwenang: { id: 'Hanya admin yang dapat memetakan label arsip.', en: 'Only admins map archive labels.' },
  tidak_valid: { id: 'Isian tidak valid; periksa kembali.', en: 'Invalid input; please check it.' },
  label_tidak_ada: { id: 'Label itu tidak lagi menunggu pemetaan.', en: 'That label no longer waits to be mapped.' },
  tujuan_tidak_valid: { id: 'Pilih kategori, instansi atau kelurahan yang ada.', en: 'Choose an existing category, agency or kelurahan.' },
};

export const mapLabelSchema = z.object({
  kind: z.enum(referenceKind.enumValues),
  key: z.string().min(1).max(500),
  target: z.string().trim().min(1).max(80),
});
export type MapLabelInput = z.infer<typeof mapLabelSchema>;

const LABEL_COLUMN = { kategori: archiveLabels.category, instansi: archiveLabels.agency, kelurahan: archiveLabels.kelurahan } as const;
const KEY_COLUMN = { kategori: archiveLabels.categoryKey, instansi: archiveLabels.agencyKey, kelurahan: archiveLabels.kelurahanKey } as const;
const KIND_NAME: Record<ReferenceKind, string> = { kategori: 'kategori', instansi: 'instansi', kelurahan: 'kelurahan' };

/** The target's display name, or null when it is not a valid target of its kind. */
async function targetName(db: Db, kind: ReferenceKind, target: string): Promise<string | null> {
  if (kind === 'kategori') {
    if (target === UNCATEGORISED) return null;
    const [c] = await db.select({ name: categories.nameId }).from(categories).where(eq(categories.code, target));
    return c?.name ?? null;
  }
  if (kind === 'kelurahan') {
    const [k] = await db.select({ name: regions.name }).from(regions).where(and(eq(regions.code, target), eq(regions.level, 'kelurahan')));
    return k ? `Kelurahan ${k.name}` : null;
  }
  if (target in OFFICE_TARGETS) return `kantor ${OFFICE_TARGETS[target as keyof typeof OFFICE_TARGETS]} setempat`;
  const [a] = await db.select({ name: agencies.name, kind: agencies.kind }).from(agencies).where(eq(agencies.code, target));
  return a && !['kelurahan', 'kecamatan', 'walikota'].includes(a.kind) ? a.name : null;
}

interface HeldRow {
  id: number;
  status: string;
  category: string;
  kelurahan: string | null;
  kecamatan: string | null;
  kota: string | null;
  holder: number | null;
  number: string;
  agency_label: string;
  own_label: string;
  untouched: boolean;
}

/** What moves for one report (columns left out stay as they are). */
interface Change {
  id: number;
  /** The label as this report's row wrote it. */
  own: string;
  status: string;
  from_status?: string;
  category_code?: string;
  kelurahan_code?: string;
  kecamatan_code?: string;
  kota_code?: string;
  lat?: number;
  lng?: number;
  location_approximate?: boolean;
  handling_agency_id?: number | null;
}

export async function mapArchiveLabel(db: Db, actor: StaffUser, input: MapLabelInput, now: Date): Promise<{ moved: number; kept: number }> {
  if (actor.role !== 'admin') throw new LabelMappingError('tidak_berwenang');
  const parsed = mapLabelSchema.safeParse(input);
  if (!parsed.success) throw new LabelMappingError('tidak_valid');
  const { kind, key, target } = parsed.data;
  return db.transaction(async (tx) => {
    const name = await targetName(tx, kind, target);
    if (!name) throw new LabelMappingError('tujuan_tidak_valid');
    const column = KEY_COLUMN[kind];
    const labelColumn = LABEL_COLUMN[kind];
    // the same spelling the list shows (the first of a label's spellings)
    const [sample] = await tx.select({ label: sql<string | null>`min(${labelColumn})` }).from(archiveLabels).where(eq(column, key));
    if (sample?.label == null) throw new LabelMappingError('label_tidak_ada');
    const label = sample.label.trim();
    await tx
      .insert(referenceAliases)
      .values({ kind, key, label, targetCode: target, createdBy: actor.id, createdAt: now })
      .onConflictDoUpdate({ target: [referenceAliases.kind, referenceAliases.key], set: { label, targetCode: target, createdBy: actor.id, createdAt: now } });

    // held reports; "untouched": nothing happened to it but its import and earlier label mappings
    const held = await rowsOf<HeldRow>(
      tx.execute(sql`
        select r.id, r.number, r.status::text as status, r.category_code as category, r.kelurahan_code as kelurahan,
               r.kecamatan_code as kecamatan, r.kota_code as kota, r.handling_agency_id as holder, archive_labels.agency as agency_label, ${labelColumn} as own_label,
               not exists (select 1 from report_events e where e.report_id = r.id and e.type <> 'dibuat'
                           and not coalesce(e.data ? 'pemetaan', false)) as untouched
        from archive_labels join reports r on r.id = archive_labels.report_id
        where ${column} = ${key}
        order by r.id
        for update of r`),
    );
    const match = await loadMatchers(tx);
    const changes = held.flatMap((r): Change[] => {
      if (!r.untouched) return [];
      if (kind === 'kategori') return r.category === UNCATEGORISED ? [{ id: Number(r.id), own: r.own_label, status: r.status, category_code: target }] : [];
      if (kind === 'instansi') {
        const place = r.kelurahan ? { kelurahanCode: r.kelurahan, kecamatanCode: r.kecamatan!, kotaCode: r.kota! } : null;
        const ref = match.agency.target(target);
        const holder = ref ? match.agency.holder(ref, place) : null;
        const id = holder ? match.agencyIds.get(holder) : undefined;
        return id !== undefined && id !== r.holder ? [{ id: Number(r.id), own: r.own_label, status: r.status, handling_agency_id: id }] : [];
      }
      if (r.kelurahan) return [];
      const place = match.place.byCode(target);
      if (!place) return [];
      const ref = match.agency.match(r.agency_label);
      const holder = (ref ? match.agency.holder(ref, place) : null) ?? match.agency.holder({ office: 'kelurahan' }, place);
      return [
        {
          id: Number(r.id),
          own: r.own_label,
          status: r.status === 'menunggu' ? 'proses' : r.status,
          from_status: r.status,
          kelurahan_code: place.kelurahanCode,
          kecamatan_code: place.kecamatanCode,
          kota_code: place.kotaCode,
          ...standInPoint(place.kelurahanCode, r.number),
          location_approximate: true,
          handling_agency_id: holder ? (match.agencyIds.get(holder) ?? null) : null,
        },
      ];
    });
    if (changes.length) {
      await tx.execute(sql`
        update reports r set
          category_code = coalesce(v.category_code, r.category_code),
          kelurahan_code = coalesce(v.kelurahan_code, r.kelurahan_code),
          kecamatan_code = coalesce(v.kecamatan_code, r.kecamatan_code),
          kota_code = coalesce(v.kota_code, r.kota_code),
          lat = coalesce(v.lat, r.lat),
          lng = coalesce(v.lng, r.lng),
          location_approximate = coalesce(v.location_approximate, r.location_approximate),
          status = v.status,
          handling_agency_id = coalesce(v.handling_agency_id, r.handling_agency_id),
          version = r.version + 1,
          updated_at = ${now.toISOString()}::timestamptz
        from json_to_recordset(${JSON.stringify(changes.map(({ own: _own, ...c }) => c))}::json) as v(id bigint, status report_status, category_code text, kelurahan_code text,
          kecamatan_code text, kota_code text, lat double precision, lng double precision, location_approximate boolean, handling_agency_id integer)
        where r.id = v.id`);
      await bulkInsert(
        tx,
        reportEvents,
        changes.map((c) => ({
          reportId: c.id,
          type: 'triase' as const,
          fromStatus: c.from_status ? (c.from_status as 'menunggu') : undefined,
          toStatus: c.from_status ? (c.status as 'proses') : undefined,
          actorUserId: actor.id,
          body: `Label ${KIND_NAME[kind]} arsip "${c.own.trim()}" dipetakan ke ${name}.`,
          data: { pemetaan: { kind, label: c.own, target } },
          createdAt: now,
        })),
      );
    }
    await tx.update(archiveLabels).set(kind === 'kategori' ? { categoryKey: null } : kind === 'instansi' ? { agencyKey: null } : { kelurahanKey: null }).where(and(isNotNull(column), eq(column, key)));
    await tx.insert(auditLog).values({
      actorUserId: actor.id,
      action: 'label_arsip.petakan',
      targetType: 'reference_alias',
      targetId: `${kind}:${key}`.slice(0, 200),
      data: { label, target, moved: changes.length, kept: held.length - changes.length },
      createdAt: now,
    });
    return { moved: changes.length, kept: held.length - changes.length };
  });
}
