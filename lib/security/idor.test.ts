import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import * as archiveLabels from '@/db/queries/archive-labels';
import * as instructionQueries from '@/db/queries/instructions';
import { loadStaffUser, type StaffProfile } from '@/db/queries/staff';
import * as staffActions from '@/db/queries/staff-actions';
import * as staffQueue from '@/db/queries/staff-queue';
import * as staffTicket from '@/db/queries/staff-ticket';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import * as settings from '@/lib/admin/settings';
import * as mfa from '@/lib/auth/mfa';
import { totpCode } from '@/lib/auth/totp';
import { MODERATION_ACTIONS, MODERATION_PERMISSIONS, STAFF_ACTIONS } from '@/lib/auth/permissions';
import { createReport } from '@/lib/intake/create-report';
import { importArchive } from '@/lib/import/archive';
import { mapArchiveLabel } from '@/lib/import/label-mapping';
import { readArchiveCsv } from '@/lib/import/read-csv';
import { processImage } from '@/lib/media/process-image';
import { createDiskStorage } from '@/lib/media/storage';
import * as keys from '@/lib/open311/keys';
import { openPeriod } from '@/lib/skm/survey';
import { changePassword, createAccount, updateAccount } from '@/lib/staff/accounts';
import { recordAtDesk } from '@/lib/staff/desk';
import { moderateReport } from '@/lib/staff/moderate';
import { performStaffAction } from '@/lib/staff/perform-action';
import { triageReport } from '@/lib/staff/triage';
import { DEMO_PASSWORD } from '@/lib/reference/demo-users';
import { createTestDatabase } from '@/lib/testing/db';
import { reportInput } from '@/lib/testing/reports';

// IDOR probes over the whole staff surface: every server action under app/**/petugas and every
// staff query, called with an official of ANOTHER jurisdiction (or a non-admin for admin work),
// must refuse and leave the whole database as it was. The lists are read from the code, so an
// action or query added without a probe here fails the first two tests.

let database: Database;
let mediaDir: string;
const now = new Date('2026-05-04T03:00:00Z');
const staff: Record<string, StaffProfile> = {};
let gambirTicket: string;
let gambirPhotoId: number;
let triageTicket: string;
const storage = () => createDiskStorage(mediaDir);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoUsers(database.db);
  mediaDir = mkdtempSync(join(tmpdir(), 'aduan-idor-'));
  const ids = await rowsOf<{ id: number }>(database.db.execute(sql`select id from users`));
  for (const { id } of ids) {
    const user = (await loadStaffUser(database.db, id))!;
    staff[user.email.replace('@aduan.test', '')] = user;
  }
  const photo = await processImage(await sharp({ create: { width: 320, height: 240, channels: 3, background: '#775533' } }).jpeg().toBuffer());
  const deps = { now, storage: storage(), publicUrl: 'http://aduan.test' };
  gambirTicket = (await createReport(database.db, reportInput({ photos: [photo], reporterPhone: '081234000111' }), deps)).number;
  // an unplaced report from a desk in Gambir's area waits in triage with a place but no category
  triageTicket = (await createReport(database.db, reportInput({ categoryCode: null, allowUnlocated: true, lat: null, lng: null, kelurahanCode: '31.71.01.1001' }), deps)).number;
  const [photoRow] = await rowsOf<{ id: number }>(database.db.execute(sql`select id from attachments order by id limit 1`));
  gambirPhotoId = photoRow.id;
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

/** Every row of every table (rate-limit counters aside), as one comparable value. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await rowsOf<{ name: string }>(
    database.db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'rate_limits' order by 1`),
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await rowsOf<{ digest: string | null }>(
      database.db.execute(sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from "${name}" t`)),
    );
    out[name] = row.digest ?? '';
  }
  return out;
}

/** Runs a probe that must be refused: it throws a coded domain error, and nothing anywhere changed. */
async function refused(probe: () => Promise<unknown>): Promise<string> {
  const before = await fingerprint();
  const outcome = await probe().then(
    () => 'allowed',
    (e: unknown) => (e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : `unexpected: ${e}`),
  );
  expect(outcome).not.toBe('allowed');
  expect(outcome).not.toMatch(/^unexpected/);
  expect(await fingerprint()).toEqual(before);
  return outcome;
}

const NON_ADMINS = ['operator', 'lurah.menteng', 'camat.gambir', 'walikota.pusat', 'binamarga.pusat', 'binamarga', 'validator', 'inspektorat'];
const outsider = () => staff['lurah.menteng'];
/** Supervisors of another area: the camat of Menteng, the walikota of Jakarta Selatan. */
const agencyId = async (code: string) => (await rowsOf<{ id: number }>(database.db.execute(sql`select id from agencies where code = ${code}`)))[0].id;
const otherCamat = async (): Promise<StaffProfile> => ({ ...staff['camat.gambir'], regionCode: '31.71.06', agencyId: await agencyId('kec-31.71.06') });
const otherWalikota = async (): Promise<StaffProfile> => ({ ...staff['walikota.pusat'], regionCode: '31.74', agencyId: await agencyId('kota-31.74') });
const SUPERVISOR_ACTIONS = ['instruksi', 'eskalasi', 'tugaskan', 'alihkan'] as const;

/** One probe per exported server action of the staff workspace (the name is the export's name). */
const ACTION_PROBES: Record<string, () => Promise<void>> = {
  async staffTicketAction() {
    for (const action of STAFF_ACTIONS) {
      const code = await refused(() =>
        performStaffAction(
          database.db,
          outsider(),
          { number: gambirTicket, version: 1, action, body: 'Penyusup.', targetAgencyCode: 'perhubungan', targetKelurahanCode: '31.71.06.1001', estimatedAt: new Date(now.getTime() + 86_400_000), rejectReason: 'tidak_valid', photos: [] },
          { now, storage: storage() },
        ),
      );
      // the same answer as for a ticket that does not exist: another jurisdiction's ticket ids reveal nothing
      expect(code === 'tidak_ditemukan' || (action === 'tindak_lanjut' && code === 'foto_sesudah_wajib'), `${action}: ${code}`).toBe(true);
    }
    // a camat or walikota of another area cannot instruct, escalate, reassign or re-route it
    for (const supervisor of [await otherCamat(), await otherWalikota()]) {
      for (const action of SUPERVISOR_ACTIONS) {
        const input = { number: gambirTicket, version: 1, action, body: 'Penyusup.', targetAgencyCode: 'kel-31.71.01.1001', targetKelurahanCode: '31.71.01.1002', dueAt: new Date(now.getTime() + 86_400_000) };
        expect(await refused(() => performStaffAction(database.db, supervisor, input, { now, storage: storage() })), `${supervisor.role} ${action}`).toBe('tidak_ditemukan');
      }
    }
    // nor may Gambir's own supervisors reach outside their area with it
    const outward = [
      ['camat.gambir', { action: 'instruksi', targetAgencyCode: 'kel-31.71.06.1001' }, 'instansi_tidak_valid'],
      ['walikota.pusat', { action: 'instruksi', targetAgencyCode: 'bina-marga-31.74' }, 'instansi_tidak_valid'],
      ['walikota.pusat', { action: 'tugaskan', targetAgencyCode: 'bina-marga-31.74' }, 'instansi_tidak_valid'],
      ['camat.gambir', { action: 'alihkan', targetKelurahanCode: '31.71.06.1001' }, 'kelurahan_tidak_valid'],
    ] as const;
    for (const [who, change, expected] of outward) {
      const input = { number: gambirTicket, version: 1, body: 'Ke luar wilayah.', dueAt: new Date(now.getTime() + 86_400_000), ...change };
      expect(await refused(() => performStaffAction(database.db, staff[who], input, { now, storage: storage() })), `${who} ${change.action}`).toBe(expected);
    }
  },
  async triageAction() {
    expect(await refused(() => triageReport(database.db, outsider(), { number: triageTicket, version: 1, categoryCode: 'jalan', kelurahanCode: '31.71.06.1001' }, now))).toBe('tidak_ditemukan');
    // nor may the camat of another kecamatan, or a validator, triage it
    await refused(() => triageReport(database.db, staff.validator, { number: triageTicket, version: 1, categoryCode: 'jalan', kelurahanCode: null }, now));
  },
  async moderationAction() {
    for (const who of ['lurah.menteng', 'binamarga']) {
      for (const what of MODERATION_ACTIONS) {
        const input = { number: gambirTicket, version: 1, what, reason: 'Penyusup.', text: 'Teks penyusup.', attachmentId: Number(gambirPhotoId) };
        const code = await refused(() => moderateReport(database.db, staff[who], input, { now }));
        // a role that may not moderate at all is refused before any ticket is read; one that may is told it is not there
        expect(code, `${who} ${what}`).toBe(MODERATION_PERMISSIONS[staff[who].role].includes(what) ? 'tidak_ditemukan' : 'tidak_berwenang');
      }
    }
  },
  async recordComplaint() {
    for (const who of ['binamarga', 'validator', 'inspektorat', 'lurah.menteng']) {
      const input = { formToken: 'meja-uji-abcdefghijklmnop', kanal: 'sms', referensi: null, nama: null, telepon: null, email: null, deskripsi: 'Keluhan yang dicatat di meja layanan.', kategori: 'jalan', lokasi: 'kelurahan', lat: null, lng: null, kelurahan: '31.71.01.1001', alamat: null, privasi: 'privat' } as never;
      expect(await refused(() => recordAtDesk(database.db, staff[who], input, [], { now, storage: storage(), publicUrl: 'http://aduan.test' }))).toBe('tidak_berwenang');
    }
  },
  async saveAccountAction() {
    const input = { email: 'penyusup@aduan.test', name: 'Penyusup', role: 'admin' as const, regionCode: '', agencyCode: '', isActive: true };
    for (const who of NON_ADMINS) {
      await refused(() => createAccount(database.db, staff[who], input, 'sandi-penyusup-1', now));
      await refused(() => updateAccount(database.db, staff[who], staff[who].id, input, now));
    }
  },
  async changePasswordAction() {
    // takes no account id: an official can change only their own password, and only with it
    await refused(() => changePassword(database.db, outsider(), 'bukan-sandinya', 'sandi-baru-panjang', now));
  },
  async signOutEverywhereAction() {
    // takes no input at all: it ends the signed-in account's own sessions only (lib/auth/session.test.ts)
    const source = readFileSync(join('app', '[locale]', 'petugas', 'sandi', 'actions.ts'), 'utf8');
    expect(source).toMatch(/export async function signOutEverywhereAction\(\)/);
    expect(source).toMatch(/endSessions\(getDb\(\), user\.id,/);
  },
  async savePolicyAction() {
    const policy = { firstResponseHours: 1, followUpHours: 2, silenceRedHours: 1, escalationStepHours: 1, calendar: 'kalender' as const };
    for (const who of NON_ADMINS) await refused(() => settings.updateDefaultPolicy(database.db, staff[who], policy, now));
  },
  async saveCategoryAction() {
    const input = { nameId: 'Diubah', nameEn: 'Changed', defaultAgencyCode: null, isConfidential: false, policy: null } as never;
    for (const who of NON_ADMINS) await refused(() => settings.updateCategory(database.db, staff[who], 'jalan', input, now));
  },
  async renameAgencyAction() {
    for (const who of NON_ADMINS) await refused(() => settings.renameAgency(database.db, staff[who], staff['lurah.gambir'].agencyId!, 'Diambil alih', now));
  },
  async addHolidayAction() {
    for (const who of NON_ADMINS) await refused(() => settings.addHoliday(database.db, staff[who], '2026-12-01', 'Libur palsu', now));
  },
  async removeHolidayAction() {
    for (const who of NON_ADMINS) await refused(() => settings.removeHoliday(database.db, staff[who], '2026-01-01', now));
  },
  async saveChannelAction() {
    const input = { howId: 'Diubah', howEn: 'Changed', hoursId: '', hoursEn: '' } as never;
    for (const who of NON_ADMINS) await refused(() => settings.updateChannelText(database.db, staff[who], 'sms', input, now));
  },
  async mapLabelAction() {
    const key = await heldArchiveLabel();
    for (const who of NON_ADMINS) expect(await refused(() => mapArchiveLabel(database.db, staff[who], { kind: 'kategori', key, target: 'jalan' }, now))).toBe('tidak_berwenang');
  },
  async openSkmPeriodAction() {
    const input = { name: 'Periode palsu', startsOn: '2026-05-01', endsOn: '2026-05-31', minRespondents: 1, unitKinds: ['kelurahan' as const] };
    for (const who of NON_ADMINS) await refused(() => openPeriod(database.db, staff[who], input, now));
  },
  async issueKeyAction() {
    for (const who of NON_ADMINS) await refused(() => keys.issueApiKey(database.db, staff[who], 'Aplikasi penyusup', now));
  },
  async revokeKeyAction() {
    const id = Number((await keys.issueApiKey(database.db, staff.admin, 'Aplikasi sah', now)) && (await keys.listApiKeys(database.db))[0].id);
    for (const who of NON_ADMINS) await refused(() => keys.revokeApiKey(database.db, staff[who], id, now));
  },
  // two-step verification: the enrolment actions take no account id (only the signed-in account's
  // own), need a current code of its own secret, and the admin's reset and setting refuse others
  async startEnrolmentAction() {
    const account = staff.binamarga;
    const { secret } = await mfa.startEnrolment(database.db, account);
    await mfa.confirmEnrolment(database.db, account, totpCode(secret, now), now);
    expect(await refused(() => mfa.startEnrolment(database.db, account))).toBe('sudah_aktif');
  },
  async confirmEnrolmentAction() {
    expect(await refused(() => mfa.confirmEnrolment(database.db, staff['binamarga.pusat'], '123456', now))).toBe('belum_mulai');
    expect(await refused(() => mfa.confirmEnrolment(database.db, staff.binamarga, '123456', now))).toBe('sudah_aktif');
  },
  async renewRecoveryCodesAction() {
    expect(await refused(() => mfa.renewRecoveryCodes(database.db, staff['binamarga.pusat'], '123456', now))).toBe('belum_aktif');
    expect(await refused(() => mfa.renewRecoveryCodes(database.db, staff.binamarga, '000000', now))).toBe('kode_salah');
  },
  async removeMfaAction() {
    expect(await refused(() => mfa.removeOwnMfa(database.db, staff.binamarga, '000000', now))).toBe('kode_salah');
    expect(await refused(() => mfa.removeOwnMfa(database.db, staff.validator, '000000', now))).toBe('wajib');
  },
  async resetMfaAction() {
    for (const who of NON_ADMINS) expect(await refused(() => mfa.resetMfa(database.db, staff[who], staff.binamarga.id, now))).toBe('tidak_berwenang');
  },
  async saveMfaSettingAction() {
    for (const who of NON_ADMINS) expect(await refused(() => mfa.setMfaForAllRoles(database.db, staff[who], true, now))).toBe('tidak_berwenang');
  },
};

/** One probe per exported staff query: another jurisdiction's ids give nothing. */
const QUERY_PROBES: Record<string, () => Promise<void>> = {
  async getStaffTicket() {
    expect(await staffTicket.getStaffTicket(database.db, outsider(), gambirTicket)).toBeNull();
    expect(await staffTicket.getStaffTicket(database.db, staff['lurah.gambir'], gambirTicket)).not.toBeNull();
  },
  async getStaffPhotoFile() {
    expect(await staffTicket.getStaffPhotoFile(database.db, outsider(), gambirPhotoId)).toBeNull();
    expect(await staffTicket.getStaffPhotoFile(database.db, staff['lurah.gambir'], gambirPhotoId)).not.toBeNull();
  },
  async findRecordedBy() {
    expect(await staffTicket.findRecordedBy(database.db, outsider().id, gambirTicket)).toBeNull();
  },
  async checksForViewer() {
    // a follow-up photo matching Gambir's ticket: its number and photo only for who may open it
    const flags = [{ kind: 'foto_sama' as const, photo: 0, matchNumber: gambirTicket, matchAttachmentId: gambirPhotoId }];
    expect(JSON.stringify(await staffTicket.checksForViewer(database.db, outsider(), flags))).not.toContain(gambirTicket);
    expect((await staffTicket.checksForViewer(database.db, staff['lurah.gambir'], flags))[0].matchNumber).toBe(gambirTicket);
  },
  async findQueue() {
    const numbers = async (user: StaffProfile) => JSON.stringify(await staffQueue.findQueue(database.db, user, { status: null, categoryCode: null, search: gambirTicket, page: 1, pageSize: 50, now }));
    expect(await numbers(outsider())).not.toContain(gambirTicket);
    expect(await numbers(staff['lurah.gambir'])).toContain(gambirTicket);
  },
  async findFieldQueue() {
    // wherever the official stands, the field view holds only their own jurisdiction's tickets
    const near = { lat: -6.1754, lng: 106.8272 };
    const numbers = async (user: StaffProfile) => JSON.stringify(await staffQueue.findFieldQueue(database.db, user, { near, now, limit: 500 }));
    expect(await numbers(outsider())).not.toContain(gambirTicket);
    expect(await numbers(staff['lurah.gambir'])).toContain(gambirTicket);
  },
  async countTriage() {
    expect(await staffQueue.countTriage(database.db, outsider())).toBe(0);
    expect(await staffQueue.countTriage(database.db, staff['lurah.gambir'])).toBeGreaterThan(0);
  },
  async findUnitBacklog() {
    const backlog = JSON.stringify(await staffQueue.findUnitBacklog(database.db, staff['camat.gambir'], now));
    expect(backlog).not.toContain('31.71.06');
  },
  async findInstructionsGiven() {
    const number = await instructedTicket();
    expect(JSON.stringify(await instructionQueries.findInstructionsGiven(database.db, await otherCamat()))).not.toContain(number);
    expect(JSON.stringify(await instructionQueries.findInstructionsGiven(database.db, staff['camat.gambir']))).toContain(number);
  },
  async findInstructionsReceived() {
    const number = await instructedTicket();
    expect(JSON.stringify(await instructionQueries.findInstructionsReceived(database.db, outsider()))).not.toContain(number);
    expect(JSON.stringify(await instructionQueries.findInstructionsReceived(database.db, staff['lurah.gambir']))).toContain(number);
  },
  async findActionChoices() {
    // the choices follow the user, whatever ticket they are handed: none on another jurisdiction's
    const ticket = (await staffTicket.getStaffTicket(database.db, staff['lurah.gambir'], gambirTicket))!;
    expect(await staffActions.findActionChoices(database.db, outsider(), ticket)).toEqual([]);
    expect(await staffActions.findActionChoices(database.db, await otherCamat(), ticket)).toEqual([]);
    expect((await staffActions.findActionChoices(database.db, staff['lurah.gambir'], ticket)).length).toBeGreaterThan(0);
  },
  async listUnmatchedLabels() {
    const key = await heldArchiveLabel();
    for (const who of NON_ADMINS) expect(await archiveLabels.listUnmatchedLabels(database.db, staff[who])).toEqual([]);
    expect((await archiveLabels.listUnmatchedLabels(database.db, staff.admin)).map((l) => l.key)).toContain(key);
  },
  async jurisdictionCondition() {
    // the SQL condition behind the queue: as a filter, it keeps Gambir's ticket from Menteng's lurah
    const [row] = await rowsOf<{ n: number }>(
      database.db.execute(sql`select count(*)::int as n from reports where number = ${gambirTicket} and ${staffQueue.jurisdictionCondition(outsider())}`),
    );
    expect(row.n).toBe(0);
  },
};

/** A Gambir ticket the camat of Gambir instructed Kelurahan Gambir on (made once). */
let instructed: string | null = null;
async function instructedTicket(): Promise<string> {
  if (instructed) return instructed;
  const { number } = await createReport(database.db, reportInput({ reporterPhone: '081234000222' }), { now, storage: storage(), publicUrl: 'http://aduan.test' });
  await performStaffAction(database.db, staff['camat.gambir'], { number, version: 1, action: 'instruksi', targetAgencyCode: 'kel-31.71.01.1001', dueAt: new Date(now.getTime() + 86_400_000), body: 'Tangani.' }, { now, storage: storage() });
  instructed = number;
  return number;
}

/** An archive report held under a category label nobody mapped yet (imported once); its label's key. */
let heldLabel: string | null = null;
async function heldArchiveLabel(): Promise<string> {
  if (heldLabel) return heldLabel;
  const csv = 'report_id,date,kelurahan,category,agency,description\nJK2301090001,2023-01-09,GAMBIR,Kategori Uji IDOR,KELURAHAN,Laporan arsip.\n';
  await importArchive(database.db, readArchiveCsv(Readable.from([csv])), { source: 'idor.csv', now });
  heldLabel = 'kategori uji idor';
  return heldLabel;
}

function exportedActions(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'actions.ts') files.push(path);
    }
  };
  walk(join('app', '[locale]', 'petugas'));
  return files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => m[1])).sort();
}

describe('IDOR: every staff server action and query refuses another jurisdiction', () => {
  it('has a probe for every exported staff server action', () => {
    const actions = exportedActions();
    expect(actions.length).toBeGreaterThan(10);
    expect(Object.keys(ACTION_PROBES).sort()).toEqual(actions);
  });

  it('has a probe for every exported staff query', () => {
    const queries = Object.entries({ ...staffTicket, ...staffQueue, ...instructionQueries, ...staffActions, ...archiveLabels }).filter(([, v]) => typeof v === 'function').map(([k]) => k).sort();
    expect(Object.keys(QUERY_PROBES).sort()).toEqual(queries);
  });

  it.each(Object.keys(ACTION_PROBES))('action %s', async (name) => {
    await ACTION_PROBES[name]();
  });

  it.each(Object.keys(QUERY_PROBES))('query %s', async (name) => {
    await QUERY_PROBES[name]();
  });

  it('the right official still may (so the probes can fail)', async () => {
    await performStaffAction(database.db, staff['lurah.gambir'], { number: gambirTicket, version: 1, action: 'catatan', body: 'Dicek.' }, { now, storage: storage() });
    expect((await staffTicket.getStaffTicket(database.db, staff['lurah.gambir'], gambirTicket))?.report.version).toBe(2);
    await changePassword(database.db, staff['lurah.menteng'], DEMO_PASSWORD, 'sandi-baru-panjang', now);
  });
});
