import { and, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { loadSlaSettings } from '@/db/queries/sla';
import { agencies, auditLog, categories, regions, reportEvents, reports } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/permissions';
import { officeCode } from '@/lib/reference/agencies';
import { UNCATEGORISED } from '@/lib/reference/categories';
import { locate } from '@/lib/regions/jakarta';
import { deadlinesFor } from '@/lib/sla/policy';
import { StaffError } from './errors';
import { pushNewTicket } from '@/lib/push/queue';

/** Tickets waiting for triage: still new, and without a place or without a category. */
export const inTriage: SQL = and(eq(reports.status, 'menunggu'), or(isNull(reports.kelurahanCode), eq(reports.categoryCode, UNCATEGORISED)))!;

/** The place column that must be an official's own area. */
const AREA_OF = { lurah: 'kelurahanCode', camat: 'kecamatanCode', walikota: 'kotaCode' } as const;

export interface TriageInput {
  number: string;
  version: number;
  categoryCode: string;
  /** A point, or else a kelurahan; only needed when the ticket has no place yet. */
  lat?: number | null;
  lng?: number | null;
  kelurahanCode?: string | null;
}

/**
 * Sets the place and category of a ticket that came without them, then routes it like an app
 * report: to the kelurahan office of its place (the Inspectorate for confidential categories),
 * with deadlines from the category's policy counted from when it was filed. Operators and admins
 * triage any ticket; a lurah, camat or walikota only tickets already placed in their area.
 */
export async function triageReport(db: Db, user: StaffUser, input: TriageInput, now: Date): Promise<{ kelurahanCode: string }> {
  return db.transaction(async (tx) => {
    const [r] = await tx.select().from(reports).where(eq(reports.number, input.number)).for('update');
    if (!r || r.isConfidential) throw new StaffError('tidak_ditemukan');
    const areaKey = AREA_OF[user.role as keyof typeof AREA_OF];
    const area = areaKey ? r[areaKey] : undefined;
    const allowed = user.role === 'operator' || user.role === 'admin' || (area !== undefined && area !== null && area === user.regionCode);
    if (!allowed) throw new StaffError(area === undefined ? 'tidak_berwenang' : 'tidak_ditemukan');
    if (r.version !== input.version) throw new StaffError('versi_berubah');
    if (r.status !== 'menunggu' || (r.kelurahanCode !== null && r.categoryCode !== UNCATEGORISED)) throw new StaffError('bukan_triase');

    const [category] = input.categoryCode && input.categoryCode !== UNCATEGORISED
      ? await tx.select().from(categories).where(eq(categories.code, input.categoryCode))
      : [];
    if (!category) throw new StaffError('kategori_wajib');

    let place = { kelurahanCode: r.kelurahanCode, kecamatanCode: r.kecamatanCode, kotaCode: r.kotaCode, lat: r.lat, lng: r.lng };
    if (input.lat != null && input.lng != null) {
      const hit = locate(input.lat, input.lng);
      if (!hit) throw new StaffError('di_luar_jakarta');
      place = { ...hit, lat: input.lat, lng: input.lng };
    } else if (input.kelurahanCode) {
      const [kel] = await tx.select().from(regions).where(and(eq(regions.code, input.kelurahanCode), eq(regions.level, 'kelurahan')));
      if (!kel) throw new StaffError('kelurahan_tidak_valid');
      place = { kelurahanCode: kel.code, kecamatanCode: kel.parentCode, kotaCode: kel.parentCode!.slice(0, 5), lat: r.lat, lng: r.lng };
    }
    if (!place.kelurahanCode) throw new StaffError('lokasi_wajib');
    // an official of an area may not move a ticket out of it
    if (areaKey && place[areaKey] !== user.regionCode) throw new StaffError('kelurahan_tidak_valid');

    const unitCode = category.isConfidential ? 'inspektorat' : officeCode.kelurahan(place.kelurahanCode);
    const [unit] = await tx.select({ id: agencies.id, code: agencies.code }).from(agencies).where(eq(agencies.code, unitCode));
    const sla = await loadSlaSettings(tx);
    // a report imported from the archive has no service deadlines: its outcome was never recorded
    const deadlines = r.channelCode === 'impor' ? {} : deadlinesFor(r.createdAt, sla.policyFor(category.code), sla.holidays);
    await tx
      .update(reports)
      .set({
        ...place,
        categoryCode: category.code,
        isConfidential: category.isConfidential,
        isPublic: category.isConfidential ? false : r.isPublic,
        handlingAgencyId: unit?.id ?? null,
        ...deadlines,
        version: r.version + 1,
        lastActivityAt: now,
        updatedAt: now,
      })
      .where(eq(reports.id, r.id));
    const data = { category: category.code, kelurahan: place.kelurahanCode, to: unit?.code ?? null };
    await tx.insert(reportEvents).values({
      reportId: r.id,
      type: 'triase',
      fromStatus: r.status,
      toStatus: r.status,
      // a confidential category takes the ticket off the public timeline altogether
      isPublic: !category.isConfidential,
      actorUserId: user.id,
      actorAgencyId: user.agencyId,
      data,
      createdAt: now,
    });
    await tx.insert(auditLog).values({ actorUserId: user.id, action: 'laporan.triase', targetType: 'report', targetId: r.number, data, createdAt: now });
    // it now lands in a unit's queue: its officials who asked for pushes hear of it
    if (unit && unit.id !== r.handlingAgencyId) {
      await pushNewTicket(tx, { ...r, ...place, categoryCode: category.code, isConfidential: category.isConfidential, handlingAgencyId: unit.id, handlingAgencyParentId: null }, r.number);
    }
    return { kelurahanCode: place.kelurahanCode };
  });
}
