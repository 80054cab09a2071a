import { describe, expect, it } from 'vitest';
import type { StaffUser } from './permissions';
import { escalationStep, instructionState, isValidInstructionDeadline, mayInstruct, mayReassignTo, mayRouteTo, type UnitRef } from './supervision';

const user = (role: StaffUser['role'], regionCode: string | null) => ({ role, regionCode });
const camatGambir = user('camat', '31.71.01');
const walikotaPusat = user('walikota', '31.71');

const kelurahan = (code: string): UnitRef => ({ kind: 'kelurahan', regionCode: code });
const kecamatan = (code: string): UnitRef => ({ kind: 'kecamatan', regionCode: code });
const sudin = (kota: string): UnitRef => ({ kind: 'sudin', regionCode: kota });

describe('mayInstruct: who may instruct whom', () => {
  it.each([
    ['camat → a kelurahan of their kecamatan', camatGambir, kelurahan('31.71.01.1003'), true],
    ['camat → a kelurahan of another kecamatan in the same kota', camatGambir, kelurahan('31.71.06.1001'), false],
    ['camat → a kelurahan of another kota', camatGambir, kelurahan('31.74.01.1001'), false],
    ['camat → their own kecamatan office', camatGambir, kecamatan('31.71.01'), false],
    ['camat → a Suku Dinas of their kota', camatGambir, sudin('31.71'), false],
    ['walikota → a kelurahan of their kota', walikotaPusat, kelurahan('31.71.06.1001'), true],
    ['walikota → a kecamatan of their kota', walikotaPusat, kecamatan('31.71.06'), true],
    ['walikota → a Suku Dinas in their kota', walikotaPusat, sudin('31.71'), true],
    ['walikota → a kelurahan of another kota', walikotaPusat, kelurahan('31.74.01.1001'), false],
    ['walikota → a kecamatan of another kota', walikotaPusat, kecamatan('31.74.01'), false],
    ['walikota → a Suku Dinas of another kota', walikotaPusat, sudin('31.74'), false],
    ['walikota → a Dinas (province)', walikotaPusat, { kind: 'dinas', regionCode: null }, false],
    ['walikota → their own office', walikotaPusat, { kind: 'walikota', regionCode: '31.71' }, false],
    ['a kota code that only looks alike (31.710)', walikotaPusat, kelurahan('31.710.01.1001'), false],
    ['lurah → another kelurahan', user('lurah', '31.71.01.1001'), kelurahan('31.71.01.1002'), false],
    ['agency staff → a kelurahan', user('agency', '31.71'), kelurahan('31.71.01.1001'), false],
    ['admin → a kelurahan', user('admin', null), kelurahan('31.71.01.1001'), false],
    ['a camat account with a kota-level region code', user('camat', '31.71'), kelurahan('31.71.01.1001'), false],
    ['a walikota account without a region', user('walikota', null), sudin('31.71'), false],
  ] as const)('%s', (_label, u, unit, expected) => {
    expect(mayInstruct(u, unit)).toBe(expected);
  });
});

describe('mayReassignTo and mayRouteTo: where a ticket may be moved', () => {
  it.each([
    ['camat → a Suku Dinas of their kota', camatGambir, sudin('31.71'), true],
    ['camat → a Suku Dinas of another kota', camatGambir, sudin('31.72'), false],
    ['walikota → a Suku Dinas of their kota', walikotaPusat, sudin('31.71'), true],
    ['walikota → a Suku Dinas of another kota', walikotaPusat, sudin('31.74'), false],
    ['walikota → a Dinas', walikotaPusat, { kind: 'dinas', regionCode: null }, false],
    ['walikota → a kelurahan office (that is re-routing)', walikotaPusat, kelurahan('31.71.01.1001'), false],
    ['lurah → a Suku Dinas (the lurah coordinates instead)', user('lurah', '31.71.01.1001'), sudin('31.71'), false],
  ] as const)('reassign: %s', (_label, u, unit, expected) => {
    expect(mayReassignTo(u, unit)).toBe(expected);
  });

  it.each([
    ['camat → a kelurahan of their kecamatan', camatGambir, '31.71.01.1002', true],
    ['camat → a kelurahan of another kecamatan', camatGambir, '31.71.06.1001', false],
    ['walikota → a kelurahan of their kota', walikotaPusat, '31.71.06.1001', true],
    ['walikota → a kelurahan of another kota', walikotaPusat, '31.74.01.1001', false],
    ['lurah → wherever the report belongs', user('lurah', '31.71.01.1001'), '31.74.01.1001', true],
    ['the desk operator → wherever the report belongs', user('operator', null), '31.74.01.1001', true],
    ['agency staff → any kelurahan', user('agency', '31.71'), '31.71.01.1001', false],
    ['validator → any kelurahan', user('validator', null), '31.71.01.1001', false],
  ] as const)('re-route: %s', (_label, u, code, expected) => {
    expect(mayRouteTo(u, code)).toBe(expected);
  });
});

describe('escalationStep: one step above the official, never down', () => {
  it.each([
    ['camat, not yet escalated → walikota', 'camat', 0, { level: 2, unit: 'walikota' }],
    ['camat, at the kecamatan → walikota', 'camat', 1, { level: 2, unit: 'walikota' }],
    ['camat, already at the walikota', 'camat', 2, null],
    ['walikota, at the kecamatan → Balai Kota', 'walikota', 1, { level: 3, unit: 'balaikota' }],
    ['walikota, at the walikota → Balai Kota', 'walikota', 2, { level: 3, unit: 'balaikota' }],
    ['walikota, already at Balai Kota', 'walikota', 3, null],
    ['lurah', 'lurah', 0, null],
    ['agency staff', 'agency', 0, null],
    ['admin', 'admin', 0, null],
  ] as const)('%s', (_label, role, level, expected) => {
    expect(escalationStep(role, level)).toEqual(expected);
  });
});

describe('instruction deadlines and states', () => {
  const now = new Date('2026-05-04T03:00:00Z');
  const day = 86_400_000;
  it.each([
    ['tomorrow', 1, true],
    ['in 30 days', 30, true],
    ['in 31 days', 31, false],
    ['now', 0, false],
    ['yesterday', -1, false],
  ])('a deadline %s is valid: %s', (_label, days, expected) => {
    expect(isValidInstructionDeadline(new Date(now.getTime() + days * day), now)).toBe(expected);
  });

  const due = new Date(now.getTime() + day);
  it.each([
    ['open, before its deadline', null, null, now, 'terbuka'],
    ['open, past its deadline', null, null, new Date(due.getTime() + 1), 'terlambat'],
    ['carried out before its deadline', new Date(due.getTime() - 1), 'dilaksanakan', now, 'tepat_waktu'],
    ['carried out exactly at its deadline', due, 'dilaksanakan', now, 'tepat_waktu'],
    ['carried out after its deadline', new Date(due.getTime() + 1), 'dilaksanakan', now, 'lewat_batas'],
    ['moved to another unit first', now, 'dialihkan', now, 'dialihkan'],
  ] as const)('%s', (_label, closedAt, outcome, at, expected) => {
    expect(instructionState({ dueAt: due, closedAt, outcome }, at)).toBe(expected);
  });
});
