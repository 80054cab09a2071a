import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/connect';
import { forgetSlaSettings } from '@/db/queries/reference-cache';
import { agencies, auditLog, categories, channels, holidays, slaPolicies } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/permissions';
import { SLA_CALENDARS } from '@/lib/sla/policy';

/**
 * The city's configuration, changed only by admins: categories and their routing, agencies,
 * the SLA policy and public holidays. Every change commits together with its audit row, which
 * keeps the values before and after.
 */

export class SettingsError extends Error {
  constructor(public readonly code: string) {
    super(code);
  }
}

export const SETTINGS_MESSAGE: Record<string, { id: string; en: string }> = {
  tidak_berwenang: { id: 'Hanya admin yang dapat mengubah pengaturan.', en: 'Only admins change settings.' },
  tidak_valid: { id: 'Isian tidak valid; periksa kembali.', en: 'Invalid input; please check it.' },
  jam_tidak_valid: {
    id: 'Jam layanan harus bilangan bulat 1–8760, dan batas tindak lanjut tidak boleh lebih cepat dari respons pertama.',
    en: 'Service hours must be whole numbers 1–8760, and the follow-up deadline cannot come before the first response.',
  },
  kategori_tidak_ada: { id: 'Kategori tidak ditemukan.', en: 'Category not found.' },
  instansi_tidak_ada: { id: 'Instansi tidak ditemukan.', en: 'Agency not found.' },
  instansi_bukan_dinas: {
    id: 'Instansi penanganan harus Dinas, Badan, Suku Dinas, Biro, BUMD, instansi di luar Pemprov atau Inspektorat.',
    en: 'The handling agency must be a Dinas, Badan, Suku Dinas, Biro, BUMD, a body outside the city government or the Inspectorate.',
  },
  tanggal_tidak_valid: { id: 'Tanggal tidak valid (format TTTT-BB-HH).', en: 'Invalid date (YYYY-MM-DD).' },
  libur_sudah_ada: { id: 'Tanggal itu sudah tercatat sebagai hari libur.', en: 'That day is already a holiday.' },
  libur_tidak_ada: { id: 'Hari libur tidak ditemukan.', en: 'Holiday not found.' },
  kanal_tidak_ada: { id: 'Kanal tidak ditemukan.', en: 'Channel not found.' },
};

function requireAdmin(actor: StaffUser) {
  if (actor.role !== 'admin') throw new SettingsError('tidak_berwenang');
}

const hours = z.coerce.number().int().min(1).max(8760);
export const policySchema = z
  .object({
    firstResponseHours: hours,
    followUpHours: hours,
    silenceRedHours: hours,
    escalationStepHours: hours,
    calendar: z.enum(SLA_CALENDARS),
  })
  .refine((p) => p.followUpHours >= p.firstResponseHours, { message: 'jam_tidak_valid' });
export type PolicyInput = z.infer<typeof policySchema>;

export const categorySchema = z.object({
  nameId: z.string().trim().min(2).max(80),
  nameEn: z.string().trim().min(2).max(80),
  defaultAgencyCode: z.string().trim().max(80).transform((v) => (v === '' ? null : v)).nullable(),
  isConfidential: z.boolean(),
  /** null: the category follows the city-wide policy. */
  policy: policySchema.nullable(),
});
export type CategoryInput = z.infer<typeof categorySchema>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (day: string) => DAY.test(day) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;

async function audit(db: Db, actor: StaffUser, action: string, targetType: string, targetId: string, data: unknown, now: Date) {
  await db.insert(auditLog).values({ actorUserId: actor.id, action, targetType, targetId, data, createdAt: now });
}

const policyValues = (p: PolicyInput) => ({
  firstResponseHours: p.firstResponseHours,
  followUpHours: p.followUpHours,
  silenceRedHours: p.silenceRedHours,
  escalationStepHours: p.escalationStepHours,
  calendar: p.calendar,
});

/** The city-wide default policy (applies to new tickets of every category without an override). */
export async function updateDefaultPolicy(db: Db, actor: StaffUser, input: PolicyInput, now: Date): Promise<void> {
  requireAdmin(actor);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(slaPolicies).where(isNull(slaPolicies.categoryCode)).for('update');
    if (before) await tx.update(slaPolicies).set({ ...policyValues(input), updatedAt: now }).where(eq(slaPolicies.id, before.id));
    else await tx.insert(slaPolicies).values({ ...policyValues(input), updatedAt: now });
    await audit(tx, actor, 'sla.ubah', 'sla_policy', 'default', { before: before ? policyValues(before) : null, after: input }, now);
  });
  forgetSlaSettings(db);
}

/** Names, routing (default handling agency), confidentiality and SLA override of a category. */
export async function updateCategory(db: Db, actor: StaffUser, code: string, input: CategoryInput, now: Date): Promise<void> {
  requireAdmin(actor);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(categories).where(eq(categories.code, code)).for('update');
    if (!before) throw new SettingsError('kategori_tidak_ada');
    if (input.defaultAgencyCode) {
      const [agency] = await tx.select({ kind: agencies.kind }).from(agencies).where(eq(agencies.code, input.defaultAgencyCode));
      if (!agency) throw new SettingsError('instansi_tidak_ada');
      if (!['dinas', 'sudin', 'biro', 'bumd', 'eksternal', 'inspektorat'].includes(agency.kind)) throw new SettingsError('instansi_bukan_dinas');
    }
    const [policyBefore] = await tx.select().from(slaPolicies).where(eq(slaPolicies.categoryCode, code));
    await tx
      .update(categories)
      .set({ nameId: input.nameId, nameEn: input.nameEn, defaultAgencyCode: input.defaultAgencyCode, isConfidential: input.isConfidential })
      .where(eq(categories.code, code));
    if (input.policy === null) {
      if (policyBefore) await tx.delete(slaPolicies).where(eq(slaPolicies.id, policyBefore.id));
    } else if (policyBefore) {
      await tx.update(slaPolicies).set({ ...policyValues(input.policy), updatedAt: now }).where(eq(slaPolicies.id, policyBefore.id));
    } else {
      await tx.insert(slaPolicies).values({ categoryCode: code, ...policyValues(input.policy), updatedAt: now });
    }
    await audit(
      tx,
      actor,
      'kategori.ubah',
      'category',
      code,
      {
        before: {
          nameId: before.nameId,
          nameEn: before.nameEn,
          defaultAgencyCode: before.defaultAgencyCode,
          isConfidential: before.isConfidential,
          policy: policyBefore ? policyValues(policyBefore) : null,
        },
        after: input,
      },
      now,
    );
  });
  forgetSlaSettings(db);
}

/** An agency's public name (units are created with the region data; their kind and place are fixed). */
export async function renameAgency(db: Db, actor: StaffUser, id: number, name: string, now: Date): Promise<void> {
  requireAdmin(actor);
  const clean = name.trim();
  if (clean.length < 3 || clean.length > 120) throw new SettingsError('tidak_valid');
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, id)).for('update');
    if (!before) throw new SettingsError('instansi_tidak_ada');
    await tx.update(agencies).set({ name: clean }).where(eq(agencies.id, id));
    await audit(tx, actor, 'instansi.ubah', 'agency', String(id), { before: { name: before.name }, after: { name: clean } }, now);
  });
}

export async function addHoliday(db: Db, actor: StaffUser, day: string, name: string, now: Date): Promise<void> {
  requireAdmin(actor);
  const clean = name.trim();
  if (!validDay(day)) throw new SettingsError('tanggal_tidak_valid');
  if (clean.length < 3 || clean.length > 120) throw new SettingsError('tidak_valid');
  await db.transaction(async (tx) => {
    const inserted = await tx.insert(holidays).values({ day, name: clean }).onConflictDoNothing().returning({ day: holidays.day });
    if (!inserted.length) throw new SettingsError('libur_sudah_ada');
    await audit(tx, actor, 'libur.tambah', 'holiday', day, { name: clean }, now);
  });
  forgetSlaSettings(db);
}

export async function removeHoliday(db: Db, actor: StaffUser, day: string, now: Date): Promise<void> {
  requireAdmin(actor);
  if (!validDay(day)) throw new SettingsError('tanggal_tidak_valid');
  await db.transaction(async (tx) => {
    const [removed] = await tx.delete(holidays).where(and(eq(holidays.day, day))).returning();
    if (!removed) throw new SettingsError('libur_tidak_ada');
    await audit(tx, actor, 'libur.hapus', 'holiday', day, { name: removed.name }, now);
  });
  forgetSlaSettings(db);
}

export const channelTextSchema = z.object({
  howId: z.string().trim().max(500),
  howEn: z.string().trim().max(500),
  hoursId: z.string().trim().max(200),
  hoursEn: z.string().trim().max(200),
});
export type ChannelTextInput = z.infer<typeof channelTextSchema>;

/** How residents use a channel and its desk hours, as the channel directory shows them. */
export async function updateChannelText(db: Db, actor: StaffUser, code: string, input: ChannelTextInput, now: Date): Promise<void> {
  requireAdmin(actor);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ howId: channels.howId, howEn: channels.howEn, hoursId: channels.hoursId, hoursEn: channels.hoursEn })
      .from(channels)
      .where(eq(channels.code, code))
      .for('update');
    if (!before) throw new SettingsError('kanal_tidak_ada');
    await tx.update(channels).set(input).where(eq(channels.code, code));
    await audit(tx, actor, 'kanal.ubah', 'channel', code, { before, after: input }, now);
  });
}
