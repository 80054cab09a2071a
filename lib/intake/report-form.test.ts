import { describe, expect, it } from 'vitest';
import { fieldErrorCodes, reportFormSchema } from './report-form';

const valid = {
  formToken: 'abcdefghijklmnop1234',
  kategori: 'jalan',
  deskripsi: 'Jalan berlubang besar di depan sekolah, berbahaya untuk motor.',
  privasi: 'privat',
  lat: '-6.1754',
  lng: '106.8272',
  kelurahan: '',
  alamat: '',
  nama: '',
  telepon: '',
  email: '',
};

const errorsOf = (data: Record<string, string>) => {
  const r = reportFormSchema.safeParse(data);
  return r.success ? {} : fieldErrorCodes(r.error);
};

describe('reportFormSchema', () => {
  it('accepts a report with a point and no contact, private by default', () => {
    const parsed = reportFormSchema.parse({ ...valid, privasi: 'aneh' });
    expect(parsed).toMatchObject({ lat: -6.1754, lng: 106.8272, privasi: 'privat', nama: null, telepon: null, email: null });
  });
  it('accepts a kelurahan instead of a point', () => {
    expect(errorsOf({ ...valid, lat: '', lng: '', kelurahan: '31.71.01.1001' })).toEqual({});
  });
  it('normalises a phone number with spaces', () => {
    expect(reportFormSchema.parse({ ...valid, telepon: '0812 3456 7890' }).telepon).toBe('081234567890');
  });
  it.each([
    ['no location at all', { lat: '', lng: '' }, { lokasi: 'lokasi_wajib' }],
    ['half a coordinate', { lng: '' }, { lokasi: 'koordinat_salah' }],
    ['a latitude off the planet', { lat: '123' }, { lat: 'koordinat_salah' }],
    ['a description too short', { deskripsi: 'rusak' }, { deskripsi: 'deskripsi_pendek' }],
    ['no category', { kategori: '' }, { kategori: 'kategori_wajib' }],
    ['a wrong phone number', { telepon: '12345' }, { telepon: 'telepon_salah' }],
    ['a wrong e-mail', { email: 'budi@' }, { email: 'email_salah' }],
    ['a missing form token', { formToken: '' }, { formToken: 'formulir_kedaluwarsa' }],
  ])('refuses %s', (_label, change, expected) => {
    expect(errorsOf({ ...valid, ...change })).toMatchObject(expected);
  });
});
