import { eq } from 'drizzle-orm';
import type { Db } from '../connect';
import { agencies, reportEvents, reports } from '../schema';
import { formatTicketNumber, wibDay } from '@/lib/reports/ticket-number';

/**
 * Reports whose private parts are unique markers, for tests that crawl every public output
 * and assert that none of the markers leaks. Numbers use sequences 9001–9002 of today's public
 * series and 9003 of its confidential (JKR…) series, where confidential tickets are numbered.
 */
export const PRIVACY_MARKERS = {
  name: 'Penanda Rahasia Qzx',
  phone: '081299887766',
  email: 'penanda.qzx@contoh.id',
  privateText: 'PRIVAT-ISI-QZX',
  confidentialText: 'RAHASIA-PUNGLI-QZX',
  nik: '3171029797460001',
  landline: '(021) 9797 5353',
  obfuscatedEmail: 'qzx.warga[at]gmail[dot]com',
  bankAccount: '7979464653',
} as const;

export function privacyFixtureNumbers(now: Date) {
  const day = wibDay(now);
  return {
    publicReport: formatTicketNumber(day, 9001),
    privateReport: formatTicketNumber(day, 9002),
    confidentialReport: formatTicketNumber(day, 9003, 'confidential'),
  };
}

export async function seedPrivacyFixture(db: Db, now = new Date()) {
  const numbers = privacyFixtureNumbers(now);
  const office = async (code: string) =>
    (await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code)))[0].id;
  const gambir = await office('kel-31.71.01.1001');
  const inspektorat = await office('inspektorat');
  const m = PRIVACY_MARKERS;
  const contact = { reporterName: m.name, reporterPhone: m.phone, reporterEmail: m.email };
  const base = {
    channelCode: 'jaki',
    lat: -6.1754,
    lng: 106.8272,
    kelurahanCode: '31.71.01.1001',
    kecamatanCode: '31.71.01',
    kotaCode: '31.71',
    createdAt: now,
    lastActivityAt: now,
    dueAt: new Date(now.getTime() + 7 * 86_400_000),
    ...contact,
  };
  const rows = await db
    .insert(reports)
    .values([
      {
        ...base,
        number: numbers.publicReport,
        categoryCode: 'jalan',
        isPublic: true,
        handlingAgencyId: gambir,
        description: `Jalan berlubang di depan Monas. Hubungi saya di ${m.phone} atau ${m.email}, telp ${m.landline}, ${m.obfuscatedEmail}. NIK ${m.nik}, ganti rugi ke rekening BCA ${m.bankAccount}.`,
      },
      {
        ...base,
        number: numbers.privateReport,
        categoryCode: 'sampah',
        isPublic: false,
        handlingAgencyId: gambir,
        description: `${m.privateText}: sampah menumpuk di depan rumah ${m.name}.`,
      },
      {
        ...base,
        number: numbers.confidentialReport,
        categoryCode: 'pungli',
        isPublic: false,
        isConfidential: true,
        handlingAgencyId: inspektorat,
        description: `${m.confidentialText}: petugas meminta uang.`,
      },
    ])
    .returning({ id: reports.id });
  await db.insert(reportEvents).values(
    rows.map((r) => ({ reportId: r.id, type: 'dibuat' as const, toStatus: 'menunggu' as const, actorLabel: 'warga', createdAt: now })),
  );
  return numbers;
}
