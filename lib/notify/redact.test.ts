import { describe, expect, it } from 'vitest';
import { trackingKey } from '@/lib/security/secret';
import { redactKeys } from './redact';

const key = trackingKey('uji-formulir-0123456789');

describe('redactKeys', () => {
  it.each<[string, string, string]>([
    [
      'the confirmation of a new report',
      `Laporan Anda diterima dengan nomor JK2605040001. Pantau lewat tautan pribadi ini: https://aduan.test/lacak/JK2605040001?kunci=${key}`,
      'Laporan Anda diterima dengan nomor JK2605040001. Pantau lewat tautan pribadi ini: https://aduan.test/lacak/JK2605040001?kunci=…',
    ],
    [
      'a link followed by a full stop',
      `Konfirmasi lewat https://aduan.test/lacak/JK2605040001?kunci=${key}. Terima kasih.`,
      'Konfirmasi lewat https://aduan.test/lacak/JK2605040001?kunci=…. Terima kasih.',
    ],
    [
      'a key that is not the first parameter, and a percent-encoded one',
      'https://aduan.test/lacak/JK1?lang=en&kunci=ab%2Dcd_EF-12#isi and https://aduan.test/lacak/JK2?KUNCI=xyz',
      'https://aduan.test/lacak/JK1?lang=en&kunci=…#isi and https://aduan.test/lacak/JK2?KUNCI=…',
    ],
    [
      'the links of an alert e-mail (subscription token and manage key)',
      'Berhenti: https://aduan.test/ikuti/berhenti?kunci=tok_EN-123\nKelola: https://aduan.test/ikuti/kelola?surel=a%40b.id&kunci=mgr_KEY-9',
      'Berhenti: https://aduan.test/ikuti/berhenti?kunci=…\nKelola: https://aduan.test/ikuti/kelola?surel=a%40b.id&kunci=…',
    ],
    ['text without a link', 'Status laporan JK2605040001 sekarang: Selesai.', 'Status laporan JK2605040001 sekarang: Selesai.'],
    ['the word kunci outside a link', 'kunci=abc tanpa tanda tanya', 'kunci=abc tanpa tanda tanya'],
  ])('%s', (_, text, expected) => {
    expect(redactKeys(text)).toBe(expected);
  });

  it('leaves nothing of the key behind and keeps null as null', () => {
    const body = `Tautan: https://aduan.test/lacak/JK2605040001?kunci=${key}`;
    expect(redactKeys(body)).not.toContain(key);
    expect(redactKeys(null)).toBeNull();
  });
});
