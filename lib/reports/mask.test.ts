import { describe, expect, it } from 'vitest';
import { approximate, maskContacts } from './mask';

describe('maskContacts', () => {
  it.each([
    ['a mobile number', 'hubungi 081234567890 ya', 'hubungi [nomor disembunyikan] ya'],
    ['+62 with spaces', 'WA +62 812 3456 7890', 'WA [nomor disembunyikan]'],
    ['dashed', 'telp 0812-3456-7890.', 'telp [nomor disembunyikan].'],
    ['an e-mail', 'kirim ke budi.s@contoh.id', 'kirim ke [email disembunyikan]'],
  ])('hides %s', (_label, input, expected) => {
    expect(maskContacts(input)).toBe(expected);
  });
  it.each([
    ['house numbers', 'Jl. Kramat Raya No. 12 RT 005/RW 03'],
    ['a year', 'sejak tahun 2023 belum diperbaiki'],
    ['a ticket number', 'sama dengan laporan JK2306180342'],
  ])('keeps %s', (_label, text) => {
    expect(maskContacts(text)).toBe(text);
  });
});

describe('approximate', () => {
  it('rounds to three decimals (about 100 m)', () => {
    expect(approximate(-6.175392)).toBe(-6.175);
    expect(approximate(106.827153)).toBe(106.827);
  });
});
