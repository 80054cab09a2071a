import { describe, expect, it } from 'vitest';
import { canAct, canModerate, canView, MODERATION_ACTIONS, type PhotoScope, type StaffUser, type TicketScope } from './permissions';

const ticket: TicketScope = {
  kelurahanCode: '31.71.01.1001',
  kecamatanCode: '31.71.01',
  kotaCode: '31.71',
  handlingAgencyId: 10, // Kelurahan Gambir office
  handlingAgencyParentId: null,
  isConfidential: false,
  status: 'menunggu',
};
const user = (role: StaffUser['role'], regionCode: string | null, agencyId: number | null = null, agencyParentId: number | null = null): StaffUser => ({
  id: 1,
  role,
  regionCode,
  agencyId,
  agencyParentId,
});

describe('canView', () => {
  it.each([
    ['the lurah of the kelurahan', user('lurah', '31.71.01.1001', 10), true],
    ['a lurah of another kelurahan', user('lurah', '31.71.06.1001', 11), false],
    ['the camat of the kecamatan', user('camat', '31.71.01'), true],
    ['a camat elsewhere', user('camat', '31.74.01'), false],
    ['the walikota of the kota', user('walikota', '31.71'), true],
    ['another walikota', user('walikota', '31.72'), false],
    ['agency staff not holding it', user('agency', null, 50), false],
    ['a validator', user('validator', null, 99), true],
    ['inspektorat (not confidential)', user('inspektorat', null, 98), false],
  ])('%s → %s', (_label, u, expected) => {
    expect(canView(u, ticket)).toBe(expected);
  });

  it('lets a Dinas see what its Suku Dinas holds, and a kota-limited Suku Dinas only its kota', () => {
    const atSudin = { ...ticket, handlingAgencyId: 60, handlingAgencyParentId: 50 };
    expect(canView(user('agency', null, 50), atSudin)).toBe(true);
    expect(canView(user('agency', '31.71', 60, 50), atSudin)).toBe(true);
    expect(canView(user('agency', '31.72', 60, 50), atSudin)).toBe(false);
  });

  it.each(['admin', 'operator', 'lurah', 'camat', 'walikota', 'agency', 'validator'] as const)(
    'keeps confidential tickets from %s',
    (role) => {
      expect(canView(user(role, '31.71.01.1001', 10), { ...ticket, isConfidential: true })).toBe(false);
    },
  );
  it('shows confidential tickets to inspektorat', () => {
    expect(canView(user('inspektorat', null, 98), { ...ticket, isConfidential: true })).toBe(true);
  });
});

describe('canAct', () => {
  it.each([
    ['the holding lurah accepts', user('lurah', '31.71.01.1001', 10), 'terima', true],
    ['a lurah elsewhere cannot accept', user('lurah', '31.71.06.1001', 11), 'terima', false],
    ['the camat cannot accept for the kelurahan', user('camat', '31.71.01', 20), 'terima', false],
    ['the camat may post a public response', user('camat', '31.71.01', 20), 'tanggapan', true],
    ['a validator cannot submit a follow-up', user('validator', null, 99), 'tindak_lanjut', false],
    ['a validator validates', user('validator', null, 99), 'validasi_terima', true],
    ['a lurah cannot validate its own work', user('lurah', '31.71.01.1001', 10), 'validasi_terima', false],
    ['an admin cannot work tickets', user('admin', null), 'terima', false],
    ['the camat instructs on a ticket of their kecamatan', user('camat', '31.71.01', 20), 'instruksi', true],
    ['a camat elsewhere cannot instruct on it', user('camat', '31.74.01', 21), 'instruksi', false],
    ['the walikota escalates a ticket of their kota', user('walikota', '31.71', 30), 'eskalasi', true],
    ['another walikota cannot escalate it', user('walikota', '31.72', 31), 'eskalasi', false],
    ['the walikota reassigns a ticket of their kota', user('walikota', '31.71', 30), 'tugaskan', true],
    ['the camat reassigns a ticket of their kecamatan', user('camat', '31.71.01', 20), 'tugaskan', true],
    ['a camat elsewhere cannot reassign it', user('camat', '31.74.01', 21), 'tugaskan', false],
    ['the lurah cannot instruct', user('lurah', '31.71.01.1001', 10), 'instruksi', false],
    ['the lurah cannot escalate by hand', user('lurah', '31.71.01.1001', 10), 'eskalasi', false],
    ['the holding Suku Dinas cannot reassign', user('agency', '31.71', 10), 'tugaskan', false],
    ['a validator cannot instruct', user('validator', null, 99), 'instruksi', false],
  ] as const)('%s', (_label, u, action, expected) => {
    expect(canAct(u, action, ticket)).toBe(expected);
  });
});

describe('a unit instructed on a ticket outside its jurisdiction', () => {
  const sudinPusat = user('agency', '31.71', 60, 50);
  const lurahElsewhere = user('lurah', '31.71.06.1001', 11);
  const instructed = { ...ticket, instructedAgencyIds: [60, 11] };

  it('may open it, and only then', () => {
    expect(canView(sudinPusat, ticket)).toBe(false);
    expect(canView(sudinPusat, instructed)).toBe(true);
    expect(canView(lurahElsewhere, instructed)).toBe(true);
    expect(canView(user('agency', '31.72', 61, 50), instructed)).toBe(false);
  });

  it.each([
    ['answers in writing', 'tanggapan', true],
    ['writes an internal note', 'catatan', true],
    ['does not accept the work it does not hold', 'terima', false],
    ['does not coordinate it onward', 'koordinasi', false],
    ['does not reject it', 'tolak', false],
  ] as const)('the Suku Dinas %s', (_label, action, expected) => {
    expect(canAct(sudinPusat, action, instructed)).toBe(expected);
  });

  it('an instructed lurah of another kelurahan may not re-route it', () => {
    expect(canAct(lurahElsewhere, 'alihkan', instructed)).toBe(false);
    expect(canAct(lurahElsewhere, 'tanggapan', instructed)).toBe(true);
  });

  it('an instruction never opens a confidential ticket', () => {
    expect(canView(sudinPusat, { ...instructed, isConfidential: true })).toBe(false);
  });
});

describe('canModerate', () => {
  const ownAfterPhoto: PhotoScope = { kind: 'sesudah', authorAgencyId: 10 };
  const citizenPhoto: PhotoScope = { kind: 'sebelum', authorAgencyId: null };
  const otherUnitsPhoto: PhotoScope = { kind: 'sesudah', authorAgencyId: 50 };

  it.each(['admin', 'operator', 'validator'] as const)('lets %s take every moderation action on any ticket it may open', (role) => {
    for (const action of MODERATION_ACTIONS) {
      expect(canModerate(user(role, null, 99), action, ticket, citizenPhoto)).toBe(true);
      expect(canModerate(user(role, null, 99), action, { ...ticket, isConfidential: true }, citizenPhoto)).toBe(false);
    }
  });

  it.each([
    ['the holding lurah publishes its own after-photo', user('lurah', '31.71.01.1001', 10), 'foto_publik', ownAfterPhoto, true],
    ['the holding lurah withdraws it again', user('lurah', '31.71.01.1001', 10), 'foto_tidak_publik', ownAfterPhoto, true],
    ["the holding lurah publishes the citizen's photo", user('lurah', '31.71.01.1001', 10), 'foto_publik', citizenPhoto, false],
    ["the holding lurah publishes another unit's after-photo", user('lurah', '31.71.01.1001', 10), 'foto_publik', otherUnitsPhoto, false],
    ['the holding lurah edits the text', user('lurah', '31.71.01.1001', 10), 'sunting_teks', undefined, false],
    ['the holding lurah hides its own photo', user('lurah', '31.71.01.1001', 10), 'sembunyikan_foto', ownAfterPhoto, false],
    ['a lurah elsewhere publishes', user('lurah', '31.71.06.1001', 11), 'foto_publik', { kind: 'sesudah', authorAgencyId: 11 }, false],
    ['a Dinas not holding the ticket publishes its photo', user('agency', null, 50), 'foto_publik', otherUnitsPhoto, false],
    ['the camat hides the text', user('camat', '31.71.01', 20), 'sembunyikan_teks', undefined, false],
    ['the walikota hides a photo', user('walikota', '31.71', 30), 'sembunyikan_foto', citizenPhoto, false],
    ['inspektorat hides a confidential photo', user('inspektorat', null, 98), 'sembunyikan_foto', citizenPhoto, false],
  ] as const)('%s', (_label, u, action, photo, expected) => {
    const scope = u.role === 'inspektorat' ? { ...ticket, isConfidential: true } : ticket;
    expect(canModerate(u, action, scope, photo)).toBe(expected);
  });

  it('lets a Dinas holding the ticket publish the after-photo it posted', () => {
    const atDinas = { ...ticket, handlingAgencyId: 50 };
    expect(canModerate(user('agency', null, 50), 'foto_publik', atDinas, otherUnitsPhoto)).toBe(true);
    expect(canModerate(user('agency', null, 50), 'foto_publik', atDinas, ownAfterPhoto)).toBe(false);
  });
});
