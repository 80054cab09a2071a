import { describe, expect, it } from 'vitest';
import { rejectedFollowUps } from './follow-ups';

const timeline = (...types: string[]) => types.map((type, i) => ({ id: i + 1, type }));

describe('rejectedFollowUps', () => {
  it.each([
    ['a follow-up still waiting for validation', timeline('dibuat', 'diterima', 'tindak_lanjut'), []],
    ['an accepted follow-up', timeline('dibuat', 'diterima', 'tindak_lanjut', 'validasi_diterima'), []],
    ['a rejected follow-up', timeline('dibuat', 'diterima', 'tindak_lanjut', 'validasi_ditolak'), [3]],
    ['rejected, then redone and accepted', timeline('dibuat', 'tindak_lanjut', 'validasi_ditolak', 'tindak_lanjut', 'validasi_diterima'), [2]],
    ['rejected twice', timeline('tindak_lanjut', 'validasi_ditolak', 'tindak_lanjut', 'sanggahan', 'validasi_ditolak', 'tindak_lanjut'), [1, 3]],
    ['accepted, reopened by the reporter and redone', timeline('tindak_lanjut', 'validasi_diterima', 'dibuka_kembali', 'tindak_lanjut'), []],
  ])('%s', (_label, events, expected) => {
    expect([...rejectedFollowUps(events)]).toEqual(expected);
  });
});
