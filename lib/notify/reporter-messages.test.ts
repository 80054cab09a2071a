import { describe, expect, it } from 'vitest';
import { STAFF_ACTIONS, type StaffAction } from '@/lib/auth/permissions';
import { reporterMessage, type ReporterMessageInput } from './reporter-messages';

const base: ReporterMessageInput = {
  action: 'tanggapan',
  number: 'JK2605040001',
  unit: 'Kelurahan Gambir',
  body: 'Mohon kirim foto lokasi yang lebih jelas.',
  estimatedAt: new Date('2026-05-14T03:00:00Z'),
  rejectReason: 'tidak_valid',
  duplicateOf: null,
  link: 'http://aduan.test/lacak/JK2605040001?kunci=abc',
};

describe('reporterMessage', () => {
  it.each<[string, Partial<ReporterMessageInput>, RegExp, RegExp]>([
    ['a response quotes the official and names the unit', { action: 'tanggapan' }, /tanggapan Kelurahan Gambir/, /"Mohon kirim foto lokasi yang lebih jelas\."/],
    ['an estimate gives the date in Jakarta time', { action: 'estimasi' }, /perkiraan selesai 14 Mei 2026/, /selesai pada 14 Mei 2026/],
    ['a rejection gives its reason', { action: 'tolak', rejectReason: 'bukan_kewenangan' }, /ditolak/, /di luar kewenangan/],
    ['a duplicate names its original', { action: 'tolak', rejectReason: 'duplikat', duplicateOf: 'JK2605030007' }, /ditolak/, /nomor JK2605030007/],
    ['a duplicate of a ticket not to be named says so without a number', { action: 'tolak', rejectReason: 'duplikat', duplicateOf: null }, /ditolak/, /dalam laporan lain/],
    ['acceptance asks whether it is really finished', { action: 'validasi_terima', body: null }, /apakah sudah selesai\?/, /buka kembali laporan dalam 14 hari/],
    ['a rejected follow-up says the work continues, with the reason', { action: 'validasi_tolak', body: 'Foto bukan di lokasi.' }, /penanganan dilanjutkan/, /dilanjutkan petugas\.\n\n"Foto bukan di lokasi\."/],
  ])('%s', (_label, change, subject, body) => {
    const message = reporterMessage({ ...base, ...change })!;
    expect(message.subject).toMatch(subject);
    expect(message.body).toMatch(body);
    expect(message.body).toContain(base.link);
  });

  const silent: StaffAction[] = ['terima', 'koordinasi', 'disposisi', 'alihkan', 'catatan', 'tindak_lanjut'];
  it.each(silent)('%s sends the reporter nothing of its own (the status change reaches every follower)', (action) => {
    expect(reporterMessage({ ...base, action })).toBeNull();
  });

  it('covers every staff action', () => {
    for (const action of STAFF_ACTIONS) expect(() => reporterMessage({ ...base, action })).not.toThrow();
  });

  it('sends no estimate without a date', () => {
    expect(reporterMessage({ ...base, action: 'estimasi', estimatedAt: null })).toBeNull();
  });
});
