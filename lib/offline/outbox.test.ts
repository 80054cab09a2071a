import { describe, expect, it } from 'vitest';
import { followUpOutcome, markSending, mayRemove, newOutboxItem, reportOutcome, sendable, sendableInBackground, settle, STALE_SEND_MS, visible, type OutboxItem, type SendOutcome, type StoredField } from './outbox';

const photo = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'jalan.jpg', { type: 'image/jpeg' });
const reportFields: StoredField[] = [
  ['formToken', 'antrean-uji-abcdefghijkl'],
  ['kategori', 'jalan'],
  ['deskripsi', 'Jalan berlubang besar di depan sekolah dasar, sudah dua minggu.'],
  ['lat', '-6.1754'],
  ['lng', '106.8272'],
  ['foto', photo],
  ['foto_waktu', '2026-12-01T08:00:00.000Z'],
];
const report = (over: Partial<OutboxItem> = {}) => ({ ...newOutboxItem('laporan', reportFields, { id: 'a', now: 1000 }), ...over });
const followUp = (userId: number, over: Partial<OutboxItem> = {}) => ({
  ...newOutboxItem('tindak_lanjut', [['nomor', 'JK2612010001'], ['keterangan', 'Lubang sudah ditambal.'], ['foto', photo]], { id: `f${userId}`, now: 1000, userId, ticket: 'JK2612010001' }),
  ...over,
});

describe('what is stored', () => {
  it('keeps the whole form, photos as files, the form token included, and a summary for the list', () => {
    const item = newOutboxItem('laporan', reportFields, { id: 'x', now: 5 });
    expect(item.fields).toBe(reportFields);
    expect(item.fields.find(([n]) => n === 'formToken')?.[1]).toBe('antrean-uji-abcdefghijkl');
    expect(item.fields.find(([n]) => n === 'foto')?.[1]).toBeInstanceOf(File);
    expect(item).toMatchObject({ state: 'menunggu', userId: null, attempts: 0, sendingSince: null, createdAt: 5 });
    expect(item.summary).toEqual({ text: 'Jalan berlubang besar di depan sekolah dasar, sudah dua minggu.', photos: 1, ticket: null });
  });

  it('a follow-up keeps its official and ticket; a long text is cut in the summary only', () => {
    const long = 'a'.repeat(200);
    const item = newOutboxItem('tindak_lanjut', [['keterangan', long]], { id: 'y', now: 5, userId: 7, ticket: 'JK2612010001' });
    expect(item.userId).toBe(7);
    expect(item.summary.ticket).toBe('JK2612010001');
    expect(item.summary.text).toHaveLength(80);
    expect(item.fields[0][1]).toBe(long);
  });
});

describe('which items a page sends', () => {
  const now = 1000 + STALE_SEND_MS;
  it.each([
    ['a waiting report', report(), true],
    ['a report another page is sending right now', report({ state: 'mengirim', sendingSince: now - 1000 }), false],
    ['a report whose page closed mid-send', report({ state: 'mengirim', sendingSince: now - STALE_SEND_MS }), true],
    ['a filed report', report({ state: 'terkirim' }), false],
    ['a refused report (it waits for an edit)', report({ state: 'ditolak' }), false],
  ])('%s → %s', (_label, item, expected) => {
    expect(sendable([item], { kind: 'laporan', userId: null }, now).length === 1).toBe(expected);
  });

  it("an official's follow-ups only under their own session, never another's or a signed-out page", () => {
    const items = [followUp(7), followUp(8), report()];
    expect(sendable(items, { kind: 'tindak_lanjut', userId: 7 }, now).map((i) => i.userId)).toEqual([7]);
    expect(sendable(items, { kind: 'tindak_lanjut', userId: 9 }, now)).toEqual([]);
    expect(sendable(items, { kind: 'tindak_lanjut', userId: null }, now)).toEqual([]);
    expect(visible(items, { kind: 'tindak_lanjut', userId: 8 }).map((i) => i.id)).toEqual(['f8']);
    expect(visible(items, { kind: 'laporan', userId: null }).map((i) => i.id)).toEqual(['a']);
  });

  it('oldest first', () => {
    const items = [report({ id: 'b', createdAt: 30 }), report({ id: 'c', createdAt: 10 }), report({ id: 'd', createdAt: 20 })];
    expect(sendable(items, { kind: 'laporan', userId: null }, now).map((i) => i.id)).toEqual(['c', 'd', 'b']);
  });
});

describe('the answer of the report route', () => {
  it.each<[string, number, unknown, SendOutcome['kind']]>([
    ['a ticket', 200, { ok: true, number: 'JK2612010001', trackingUrl: '/lacak/JK2612010001?kunci=k' }, 'diterima'],
    ['a field refused', 422, { ok: false, fieldErrors: { deskripsi: 'deskripsi_pendek' } }, 'ditolak'],
    ['a photo refused', 422, { ok: false, fieldErrors: { foto: 'foto_tipe_tidak_didukung' } }, 'ditolak'],
    ['too large', 413, { ok: false, formError: { id: 'x', en: 'x' } }, 'ditolak'],
    ['the limit reached', 429, { ok: false, formError: { id: 'x', en: 'x' }, retryAfterMinutes: 5 }, 'coba_lagi'],
    ['a server failure', 503, { ok: false, isSystemError: true }, 'coba_lagi'],
    ['a proxy error page', 502, null, 'coba_lagi'],
    ['an answer that is no answer', 200, { hello: 1 }, 'coba_lagi'],
  ])('%s → %s', (_label, status, body, expected) => {
    expect(reportOutcome(status, body).kind).toBe(expected);
  });

  it('keeps the ticket and the refusal reason', () => {
    expect(reportOutcome(200, { ok: true, number: 'JK2612010001', trackingUrl: '/lacak/JK2612010001?kunci=k' })).toEqual({ kind: 'diterima', number: 'JK2612010001', trackingUrl: '/lacak/JK2612010001?kunci=k' });
    expect(reportOutcome(422, { ok: false, fieldErrors: { lokasi: 'di_luar_jakarta' } })).toEqual({ kind: 'ditolak', code: 'di_luar_jakarta', message: null });
  });
});

describe('the answer of the follow-up route', () => {
  it.each<[string, number, unknown, SendOutcome['kind']]>([
    ['done', 200, { ok: true, version: 4 }, 'diterima'],
    ['version changed', 409, { ok: false, code: 'versi_berubah', message: { id: 'x', en: 'x' } }, 'ditolak'],
    ['another official is signed in now', 403, { ok: false, code: 'petugas_berbeda', message: { id: 'x', en: 'x' } }, 'ditolak'],
    ['signed out', 401, { ok: false, code: 'belum_masuk', message: { id: 'x', en: 'x' } }, 'ditolak'],
    ['a server failure', 500, { ok: false, code: 'gangguan' }, 'coba_lagi'],
    ['a proxy error page', 502, null, 'coba_lagi'],
  ])('%s → %s', (_label, status, body, expected) => {
    expect(followUpOutcome(status, body).kind).toBe(expected);
  });

  it('sent in the background, "signed out" and "another official" wait for their own session; a real refusal is still one', () => {
    const message = { id: 'x', en: 'x' };
    expect(followUpOutcome(401, { ok: false, code: 'belum_masuk', message }, { inBackground: true }).kind).toBe('coba_lagi');
    expect(followUpOutcome(403, { ok: false, code: 'petugas_berbeda', message }, { inBackground: true }).kind).toBe('coba_lagi');
    expect(followUpOutcome(409, { ok: false, code: 'versi_berubah', message }, { inBackground: true }).kind).toBe('ditolak');
    expect(followUpOutcome(200, { ok: true }, { inBackground: true }).kind).toBe('diterima');
  });
});

describe('what the service worker sends with no page open', () => {
  const now = 1000 + STALE_SEND_MS;
  it("every waiting item, whoever wrote it (the server checks the session), reports before follow-ups, oldest first", () => {
    const items = [
      followUp(8, { createdAt: 5 }),
      report({ id: 'r2', createdAt: 40 }),
      followUp(7, { createdAt: 50 }),
      report({ id: 'r1', createdAt: 30 }),
      report({ id: 'sent', state: 'terkirim' }),
      report({ id: 'refused', state: 'ditolak' }),
      report({ id: 'busy', state: 'mengirim', sendingSince: now - 10 }),
      report({ id: 'abandoned', state: 'mengirim', sendingSince: now - STALE_SEND_MS, createdAt: 45 }),
    ];
    expect(sendableInBackground(items, now).map((i) => i.id)).toEqual(['r1', 'r2', 'abandoned', 'f8', 'f7']);
  });
});

describe('exactly once: what an answer does to an item', () => {
  it('a filed item drops its form (the photos) and keeps the ticket; it is sent no more', () => {
    const sent = settle(markSending(report(), 2000), { kind: 'diterima', number: 'JK2612010001', trackingUrl: '/lacak/JK2612010001?kunci=k' });
    expect(sent).toMatchObject({ state: 'terkirim', number: 'JK2612010001', fields: [], attempts: 1, sendingSince: null });
    expect(sendable([sent], { kind: 'laporan', userId: null }, 10 ** 12)).toEqual([]);
    expect(mayRemove(sent)).toBe(true);
  });

  it('a refused item keeps its whole form for editing, with the reason, and is not sent again by itself', () => {
    const refused = settle(markSending(report(), 2000), { kind: 'ditolak', code: 'deskripsi_pendek', message: null });
    expect(refused.fields).toEqual(reportFields);
    expect(refused).toMatchObject({ state: 'ditolak', refusal: { code: 'deskripsi_pendek' } });
    expect(sendable([refused], { kind: 'laporan', userId: null }, 10 ** 12)).toEqual([]);
    expect(mayRemove(refused)).toBe(true);
  });

  it('no answer leaves the item waiting, whole, for the next chance; it may not be removed', () => {
    const sending = markSending(report(), 2000);
    expect(mayRemove(sending)).toBe(false);
    const again = settle(sending, { kind: 'coba_lagi' });
    expect(again).toMatchObject({ state: 'menunggu', fields: reportFields, attempts: 1 });
    expect(mayRemove(again)).toBe(false);
    expect(sendable([again], { kind: 'laporan', userId: null }, 2001)).toHaveLength(1);
  });
});
