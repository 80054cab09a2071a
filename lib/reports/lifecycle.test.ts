import { describe, expect, it } from 'vitest';
import { canReopen, isOpen, nextStatus } from './lifecycle';

describe('nextStatus', () => {
  it.each([
    ['kelurahan accepts a waiting ticket', 'menunggu', 'diterima', 'proses'],
    ['kelurahan coordinates to an agency', 'menunggu', 'koordinasi', 'koordinasi'],
    ['Dinas disposes to its Suku Dinas', 'koordinasi', 'disposisi', 'disposisi'],
    ['Suku Dinas accepts', 'disposisi', 'diterima', 'proses'],
    ['follow-up goes to validation', 'proses', 'tindak_lanjut', 'menunggu_validasi'],
    ['validator accepts', 'menunggu_validasi', 'validasi_diterima', 'selesai'],
    ['validator rejects (TL ditolak)', 'menunggu_validasi', 'validasi_ditolak', 'proses'],
    ['reporter reopens', 'selesai', 'dibuka_kembali', 'proses'],
    ['rejecting a ticket', 'menunggu', 'ditolak', 'ditolak'],
    ['a public response keeps the status', 'proses', 'tanggapan', 'proses'],
    ['an internal note on a finished ticket', 'selesai', 'catatan', 'selesai'],
  ] as const)('%s', (_label, from, event, to) => {
    expect(nextStatus(from, event)).toBe(to);
  });

  it.each([
    ['no follow-up before the work is accepted', 'menunggu', 'tindak_lanjut'],
    ['no validation without a follow-up', 'proses', 'validasi_diterima'],
    ['no reopening an open ticket', 'proses', 'dibuka_kembali'],
    ['a rejected ticket stays rejected', 'ditolak', 'diterima'],
    ['a finished ticket cannot be rejected', 'selesai', 'ditolak'],
    ['nothing is filed twice', 'menunggu', 'dibuat'],
    ['no rating before Selesai', 'proses', 'penilaian'],
  ] as const)('refuses: %s', (_label, from, event) => {
    expect(nextStatus(from, event)).toBeNull();
  });
});

describe('isOpen and canReopen', () => {
  it('treats selesai and ditolak as closed', () => {
    expect(isOpen('selesai')).toBe(false);
    expect(isOpen('ditolak')).toBe(false);
    expect(isOpen('menunggu_validasi')).toBe(true);
  });
  it.each([
    ['13 days after', 13, true],
    ['exactly 14 days after', 14, true],
    ['15 days after', 15, false],
  ])('reopening %s Selesai', (_label, days, expected) => {
    const finished = new Date('2024-01-01T00:00:00Z');
    const now = new Date(finished.getTime() + days * 86_400_000);
    expect(canReopen(finished, now)).toBe(expected);
  });
});
