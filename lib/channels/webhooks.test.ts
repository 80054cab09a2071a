import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import MailComposer from 'nodemailer/lib/mail-composer';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { seedReference } from '@/db/seed/reference';
import { createDiskStorage } from '@/lib/media/storage';
import { createSenders } from '@/lib/notify/senders';
import { runOutboxOnce } from '@/lib/notify/worker';
import { notifySubscribers } from '@/lib/intake/tracking';
import { createTestDatabase } from '@/lib/testing/db';
import { startHttpReceiver } from '@/lib/testing/receivers';
import { signBody } from './signature';
import { receiveWebhook, WEBHOOKS, type WebhookKind } from './webhooks';

let database: Database;
let mediaDir: string;
const now = new Date('2026-03-10T03:00:00Z');
const env = Object.fromEntries(Object.values(WEBHOOKS).map((key) => [key, `rahasia-${key}`]));
let photo: Buffer;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  mediaDir = mkdtempSync(join(tmpdir(), 'aduan-kanal-'));
  photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 90, g: 120, b: 60 } } }).jpeg().toBuffer();
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

const deps = (at = now) => ({ now: at, storage: createDiskStorage(mediaDir), publicUrl: 'http://aduan.test', env });
const stamp = (at = now) => String(Math.floor(at.getTime() / 1000));
function signed(kind: WebhookKind, payload: unknown, options: { secret?: string; at?: Date } = {}) {
  const body = Buffer.isBuffer(payload) ? payload : Buffer.from(JSON.stringify(payload));
  const timestamp = stamp(options.at);
  return { body, timestamp, signature: `sha256=${signBody(options.secret ?? env[WEBHOOKS[kind]], timestamp, body)}` };
}
const send = (kind: WebhookKind, payload: unknown, options: { secret?: string; at?: Date } = {}) =>
  receiveWebhook(database.db, kind, signed(kind, payload, options), deps());
const one = async <T>(q: ReturnType<typeof sql>) => (await rowsOf<T>(database.db.execute(q)))[0];
const count = async () => (await one<{ n: number }>(sql`select count(*)::int as n from reports`)).n;
const ticket = (number: string) =>
  one<{
    channel_code: string;
    channel_ref: string;
    category_code: string;
    kelurahan_code: string | null;
    unit: string | null;
    reporter_phone: string | null;
    reporter_email: string | null;
    description: string;
    photos: number;
  }>(sql`
    select r.channel_code, r.channel_ref, r.category_code, r.kelurahan_code, a.code as unit, r.reporter_phone, r.reporter_email, r.description,
           (select count(*)::int from attachments t where t.report_id = r.id) as photos
    from reports r left join agencies a on a.id = r.handling_agency_id where r.number = ${number}`);

describe('signed channel webhooks', () => {
  it('an SMS without place or category becomes a ticket in triage and is confirmed by SMS', async () => {
    const answer = await send('sms', { id: 'sms-001', from: '+6281234567890', text: 'Lampu jalan mati di depan rumah saya sejak tiga hari.' });
    expect(answer.status).toBe(201);
    const number = answer.body.nomor as string;
    expect(await ticket(number)).toMatchObject({
      channel_code: 'sms',
      channel_ref: 'sms-001',
      category_code: 'belum-dikategorikan',
      kelurahan_code: null,
      unit: null,
      reporter_phone: '+6281234567890',
    });
    const confirmation = await one<{ kind: string; recipient: string }>(sql`select kind, recipient from outbox o join reports r on r.id = o.report_id where r.number = ${number}`);
    expect(confirmation).toEqual({ kind: 'sms', recipient: '+6281234567890' });
  });

  it('the same message id sent again (newly signed) gives the same ticket and stores nothing new', async () => {
    const before = await count();
    const answer = await send(
      'sms',
      { id: 'sms-001', from: '+6281234567890', text: 'Lampu jalan mati di depan rumah saya sejak tiga hari.' },
      { at: new Date(now.getTime() + 10_000) },
    );
    expect(answer).toMatchObject({ status: 200, body: { baru: false } });
    expect(await count()).toBe(before);
  });

  it.each([
    ['a wrong secret', () => signed('sms', { id: 'sms-x1', from: '+628111111111', text: 'Ada pohon tumbang di jalan.' }, { secret: 'salah' })],
    ['a stale timestamp', () => signed('sms', { id: 'sms-x2', from: '+628111111111', text: 'Ada pohon tumbang di jalan.' }, { at: new Date(now.getTime() - 301_000) })],
    ['no signature', () => ({ ...signed('sms', { id: 'sms-x3', from: '+628111111111', text: 'Ada pohon tumbang di jalan.' }), signature: null })],
    ['a body changed after signing', () => ({ ...signed('sms', { id: 'sms-x4', from: '+628111111111', text: 'Ada pohon tumbang di jalan.' }), body: Buffer.from('{"id":"sms-x4","from":"+628111111111","text":"diubah di tengah jalan"}') })],
  ])('refuses %s with 401 and stores nothing', async (_, request) => {
    const before = await count();
    const answer = await receiveWebhook(database.db, 'sms', request(), deps());
    expect(answer.status).toBe(401);
    expect(typeof answer.body.error).toBe('string');
    expect(await count()).toBe(before);
  });

  it('refuses the exact same request replayed within the window', async () => {
    const request = signed('sms', { id: 'sms-002', from: '+6281200000002', text: 'Sampah menumpuk di pinggir kali.' });
    expect((await receiveWebhook(database.db, 'sms', request, deps())).status).toBe(201);
    const before = await count();
    const replay = await receiveWebhook(database.db, 'sms', request, deps(new Date(now.getTime() + 5_000)));
    expect(replay.status).toBe(401);
    expect(replay.body.error).toContain('diulang');
    expect(await count()).toBe(before);
  });

  it('a channel without a secret answers 503 and a malformed message 400, storing nothing', async () => {
    const before = await count();
    const unconfigured = await receiveWebhook(database.db, 'lapor', signed('lapor', { trackingId: 'L-1', text: 'Jalan rusak parah.' }), { ...deps(), env: {} });
    expect(unconfigured.status).toBe(503);
    expect((await send('sms', { id: 'sms-003', from: 'bukan nomor', text: 'x' })).status).toBe(400);
    expect((await send('lapor', { trackingId: 'L-2', text: 'Jalan rusak parah.', kelurahan: '31.99.99.9999' })).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('an e-mail (JSON) keeps subject, text and its photo attachment; a PDF is left out', async () => {
    const answer = await send('email', {
      messageId: '<abc@mail.warga.test>',
      from: { address: 'Warga@Contoh.id', name: 'Siti' },
      subject: 'Trotoar rusak',
      text: 'Trotoar di Jl. Kebon Sirih ambles.',
      attachments: [
        { filename: 'trotoar.jpg', contentType: 'image/jpeg', contentBase64: photo.toString('base64') },
        { filename: 'surat.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4').toString('base64') },
      ],
    });
    expect(answer.status).toBe(201);
    expect(await ticket(answer.body.nomor as string)).toMatchObject({
      channel_code: 'email',
      reporter_email: 'warga@contoh.id',
      description: 'Trotoar rusak\n\nTrotoar di Jl. Kebon Sirih ambles.',
      photos: 1,
    });
  });

  it('raw MIME: multipart/alternative with an inline image and an attached photo', async () => {
    const mime = await new MailComposer({
      from: 'Budi Santoso <budi@contoh.id>',
      to: 'aduan@jakarta.go.id',
      subject: 'Saluran air tersumbat',
      messageId: '<mime-1@contoh.id>',
      text: 'Saluran di Jl. Cikini Raya tersumbat, air meluap ke jalan.',
      html: '<p>Saluran di Jl. Cikini Raya tersumbat, air meluap ke jalan.</p><img src="cid:foto1">',
      attachments: [
        { filename: 'inline.jpg', content: photo, cid: 'foto1', contentType: 'image/jpeg' },
        { filename: 'lampiran.jpg', content: photo, contentType: 'image/jpeg' },
      ],
    })
      .compile()
      .build();
    const answer = await send('email-mime', mime);
    expect(answer.status).toBe(201);
    expect(await ticket(answer.body.nomor as string)).toMatchObject({
      channel_code: 'email',
      channel_ref: '<mime-1@contoh.id>',
      reporter_email: 'budi@contoh.id',
      description: 'Saluran air tersumbat\n\nSaluran di Jl. Cikini Raya tersumbat, air meluap ke jalan.',
      photos: 2,
    });
  });

  it('raw MIME in ISO-8859-1 with quoted-printable text is read correctly', async () => {
    const raw = Buffer.from(
      [
        'From: =?ISO-8859-1?Q?Jos=E9_Ram=EDrez?= <jose@contoh.id>',
        'To: aduan@jakarta.go.id',
        'Subject: =?ISO-8859-1?Q?Caf=E9_berisik?=',
        'Message-ID: <latin1@contoh.id>',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=ISO-8859-1',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'Caf=E9 di ujung jalan memutar musik keras sampai pukul 02.00 setiap malam.',
        '',
      ].join('\r\n'),
      'latin1',
    );
    const answer = await send('email-mime', raw);
    expect(answer.status).toBe(201);
    const t = await ticket(answer.body.nomor as string);
    expect(t.description).toBe('Café berisik\n\nCafé di ujung jalan memutar musik keras sampai pukul 02.00 setiap malam.');
  });

  it('a social-media mention with a point and a category is routed; the status is answered under the post', async () => {
    const answer = await send('sosmed', {
      platform: 'twitter',
      postId: '1790000000000000001',
      postUrl: 'https://x.com/warga/status/1790000000000000001',
      author: '@warga_gambir',
      text: '@DKIJakarta pohon tumbang menutup jalan dekat Monas',
      lat: -6.1754,
      lng: 106.8272,
      kategori: 'pohon',
    });
    expect(answer.status).toBe(201);
    const number = answer.body.nomor as string;
    expect(await ticket(number)).toMatchObject({ channel_code: 'twitter', category_code: 'pohon', kelurahan_code: '31.71.01.1001', unit: 'kel-31.71.01.1001' });

    const gateway = await startHttpReceiver();
    try {
      const { id } = await one<{ id: number }>(sql`select id from reports where number = ${number}`);
      await database.db.transaction((tx) => notifySubscribers(tx, id, number, 'proses'));
      const senders = createSenders({ ADUAN_SOCIAL_GATEWAY_URL: gateway.url });
      await runOutboxOnce(database.db, senders, new Date(Date.now() + 1000), 50);
      const replies = gateway.requests.map((r) => r.json).filter((j) => j.inReplyTo === '1790000000000000001');
      expect(replies.length).toBe(2); // the confirmation and the status change
      expect(replies[1]).toMatchObject({ platform: 'twitter', to: '@warga_gambir' });
      expect(String(replies[1].body)).toContain(number);
      // a reply under a public post is readable by anyone: never the private tracking link
      expect(String(replies[0].body)).toContain(number);
      for (const reply of replies) expect(String(reply.body)).not.toContain('kunci=');
    } finally {
      await gateway.close();
    }
  });
});
