import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { createTestDatabase } from '@/lib/testing/db';
import { citizenLimits, contactIdentity, limitMessage, reportChecks, retryAfterMinutes, runLimited, supportChecks, visitorChecks, type CitizenLimits } from './submission-limit';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

const limits: CitizenLimits = { reportsPerBrowser: 3, reportsPerContact: 2, perAddress: 5, supportsPerBrowser: 4, followsPerBrowser: 6, surveysPerBrowser: 7, windowSeconds: 3600 };
const plain = (kind: string, value: string) => `${kind}=${value}`;
// 10:40 WIB: 20 minutes to the end of the hourly window
const now = new Date('2026-03-02T03:40:00Z');

describe('limits from the environment', () => {
  it('defaults: 10 per browser and per contact, 200 per address, 30 supports, 10 follows and surveys, an hour', () => {
    expect(citizenLimits({})).toEqual({ reportsPerBrowser: 10, reportsPerContact: 10, perAddress: 200, supportsPerBrowser: 30, followsPerBrowser: 10, surveysPerBrowser: 10, windowSeconds: 3600 });
  });

  it('reads each variable, and ignores nonsense', () => {
    const env = { ADUAN_RATE_LIMIT_REPORTS: '4', ADUAN_RATE_LIMIT_REPORTS_PER_CONTACT: '6', ADUAN_RATE_LIMIT_PER_ADDRESS: '500', ADUAN_RATE_LIMIT_SUPPORTS: '9', ADUAN_RATE_LIMIT_FOLLOWS: '3', ADUAN_RATE_LIMIT_SURVEYS: '2', ADUAN_RATE_LIMIT_WINDOW_SECONDS: '600' };
    expect(citizenLimits(env)).toEqual({ reportsPerBrowser: 4, reportsPerContact: 6, perAddress: 500, supportsPerBrowser: 9, followsPerBrowser: 3, surveysPerBrowser: 2, windowSeconds: 600 });
    expect(citizenLimits({ ADUAN_RATE_LIMIT_REPORTS: 'banyak', ADUAN_RATE_LIMIT_PER_ADDRESS: '0' })).toMatchObject({ reportsPerBrowser: 10, perAddress: 200 });
  });
});

describe('counter keys', () => {
  it('device first, then each contact given, then the network; never the raw values', () => {
    const checks = reportChecks(limits, { browser: 'b1', address: '10.0.0.1', contacts: ['+62 812-3456-7890', 'Warga@Contoh.ID'] });
    expect(checks.map((c) => [c.name, c.limit])).toEqual([['perangkat', 3], ['kontak', 2], ['kontak', 2], ['jaringan', 5]]);
    const hashed = reportChecks(limits, { browser: 'b1', address: '10.0.0.1', contacts: ['081234567890'] }).map((c) => c.key).join(' ');
    expect(hashed).not.toMatch(/b1|10\.0\.0\.1|0812/);
  });

  it('one phone however it is written, and no contact key for an anonymous report', () => {
    expect(['081234567890', '+6281234567890', '62 812 3456 7890'].map(contactIdentity)).toEqual(['081234567890', '081234567890', '081234567890']);
    expect(reportChecks(limits, { browser: 'b', address: 'a', contacts: [null, ''] }, plain).map((c) => c.key)).toEqual(['lapor:perangkat:perangkat=b', 'lapor:jaringan:jaringan=a']);
  });

  it('"dukung" counts apart from reports, per device and per network', () => {
    expect(supportChecks(limits, { browser: 'b', address: 'a', contacts: ['081234567890'] }, plain).map((c) => [c.key, c.limit])).toEqual([
      ['dukung:perangkat:perangkat=b', 4],
      ['dukung:jaringan:jaringan=a', 5],
    ]);
  });

  it('following and the survey count per device, each apart, under the per-address ceiling', () => {
    expect(visitorChecks('ikuti', limits, { browser: 'b', address: 'a' }, plain).map((c) => [c.key, c.limit])).toEqual([
      ['ikuti:perangkat:perangkat=b', 6],
      ['ikuti:jaringan:jaringan=a', 5],
    ]);
    expect(visitorChecks('skm', limits, { browser: 'b', address: 'a' }, plain).map((c) => [c.key, c.limit])).toEqual([
      ['skm:perangkat:perangkat=b', 7],
      ['skm:jaringan:jaringan=a', 5],
    ]);
  });
});

describe('retry time', () => {
  it.each([
    [1200, 20],
    [1199, 20],
    [61, 2],
    [60, 1],
    [1, 1],
    [0, 1],
  ])('%i seconds left → try again in %i minutes', (seconds, minutes) => {
    expect(retryAfterMinutes(seconds)).toBe(minutes);
  });

  it('the message names the limit and the minutes, in both languages', () => {
    expect(limitMessage('lapor', { refusedBy: 'perangkat', limit: 10, retryAfterMinutes: 20 }, 3600)).toEqual({
      id: 'Batas 10 laporan per jam dari perangkat ini tercapai. Coba lagi dalam 20 menit.',
      en: 'The limit of 10 reports per hour from this device is reached. Try again in 20 minutes.',
    });
    expect(limitMessage('lapor', { refusedBy: 'kontak', limit: 10, retryAfterMinutes: 1 }, 3600).id).toMatch(/nomor HP atau surel ini.*1 menit/);
    expect(limitMessage('lapor', { refusedBy: 'jaringan', limit: 200, retryAfterMinutes: 5 }, 3600).en).toBe('Too many reports from your network right now. Try again in 5 minutes.');
    expect(limitMessage('dukung', { refusedBy: 'perangkat', limit: 30, retryAfterMinutes: 5 }, 1800).id).toBe('Batas 30 dukungan per 30 menit dari perangkat ini tercapai. Coba lagi dalam 5 menit.');
  });
});

describe('runLimited: only accepted uses count', () => {
  const accept = () => Promise.resolve({ accepted: true });
  const refuse = () => Promise.resolve({ accepted: false });
  const run = (who: { browser: string; address?: string; contacts?: string[] }, work: () => Promise<{ accepted: boolean }>, at = now) =>
    runLimited(database.db, reportChecks(limits, { address: '10.1.0.1', contacts: [], ...who }), limits.windowSeconds, at, work, (r) => r.accepted);

  it('any number of refused submissions, then the device limit of accepted ones, then a refusal with minutes', async () => {
    for (let i = 0; i < 12; i++) expect((await run({ browser: 'gagal', address: '10.2.0.1' }, refuse)).refused).toBeNull();
    for (let i = 0; i < 3; i++) expect((await run({ browser: 'gagal', address: '10.2.0.1' }, accept)).refused).toBeNull();
    expect((await run({ browser: 'gagal', address: '10.2.0.1' }, accept)).refused).toEqual({ refusedBy: 'perangkat', limit: 3, retryAfterMinutes: 20 });
    // the next window starts afresh
    expect((await run({ browser: 'gagal', address: '10.2.0.1' }, accept, new Date('2026-03-02T04:00:01Z'))).refused).toBeNull();
  });

  it('a failure that throws gives its unit back', async () => {
    for (let i = 0; i < 5; i++) await expect(run({ browser: 'galat', address: '10.3.0.1' }, () => Promise.reject(new Error('disk penuh')))).rejects.toThrow('disk penuh');
    for (let i = 0; i < 3; i++) expect((await run({ browser: 'galat', address: '10.3.0.1' }, accept)).refused).toBeNull();
  });

  it('a contact is limited across devices', async () => {
    const contact = { address: '10.4.0.1', contacts: ['0813 1111 2222'] };
    expect((await run({ browser: 'k1', ...contact }, accept)).refused).toBeNull();
    expect((await run({ browser: 'k2', ...contact, contacts: ['+6281311112222'] }, accept)).refused).toBeNull();
    expect((await run({ browser: 'k3', ...contact }, accept)).refused).toMatchObject({ refusedBy: 'kontak', limit: 2 });
    // the refused attempt took nothing from the device either
    expect((await run({ browser: 'k3', address: '10.4.0.1' }, accept)).refused).toBeNull();
  });

  it('many devices behind one address share only the high ceiling', async () => {
    for (let i = 0; i < 5; i++) expect((await run({ browser: `hp-${i}`, address: '10.5.0.1' }, accept)).refused).toBeNull();
    expect((await run({ browser: 'hp-baru', address: '10.5.0.1' }, accept)).refused).toMatchObject({ refusedBy: 'jaringan', limit: 5 });
    expect((await run({ browser: 'hp-baru', address: '10.5.0.2' }, accept)).refused).toBeNull();
  });

  it('parallel submissions cannot slip past the limit', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => run({ browser: 'serentak', address: '10.6.0.1' }, accept)));
    expect(results.filter((r) => r.refused === null)).toHaveLength(3);
    // the five refused gave their units back: the device's counter holds exactly the accepted three
    const [device] = reportChecks(limits, { browser: 'serentak', address: '10.6.0.1', contacts: [] });
    const rows = await rowsOf<{ count: number }>(database.db.execute(sql`select count from rate_limits where key = ${device.key}`));
    expect(rows.map((r) => Number(r.count))).toEqual([3]);
  });
});
