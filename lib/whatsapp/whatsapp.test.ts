import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { createDatabase, type Database } from '@/db/connect';
import { migrate } from '@/db/migrate';
import { rowsOf } from '@/db/bulk';
import { loadStaffUser } from '@/db/queries/staff';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import { getPublicReport, getPublicTimeline } from '@/db/queries/public';
import { notifySubscribers } from '@/lib/intake/tracking';
import { performStaffAction } from '@/lib/staff/perform-action';
import { createDiskStorage } from '@/lib/media/storage';
import { createSenders } from '@/lib/notify/senders';
import { runOutboxOnce } from '@/lib/notify/worker';
import { createTestDatabase } from '@/lib/testing/db';
import { startGraphStandIn, type GraphStandIn } from '@/lib/testing/graph-api';
import { streetScene } from '@/lib/testing/images';
import { whatsAppConfig } from './config';
import { processWhatsAppOnce } from './process';
import { whatsAppSender } from './send';
import { hubSignature } from './signature';
import { receiveWhatsApp, verifySubscription } from './webhook';
import sharp from 'sharp';

const PHONE_ID = '1098765432';
const TOKEN = 'token-graph-uji';
let database: Database;
let graph: GraphStandIn;
let mediaDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoUsers(database.db);
  graph = await startGraphStandIn({ phoneNumberId: PHONE_ID, accessToken: TOKEN });
  mediaDir = mkdtempSync(join(tmpdir(), 'aduan-wa-'));
  env = {
    ADUAN_WA_PHONE_NUMBER_ID: PHONE_ID,
    ADUAN_WA_ACCESS_TOKEN: TOKEN,
    ADUAN_WA_APP_SECRET: 'rahasia-aplikasi',
    ADUAN_WA_VERIFY_TOKEN: 'token-verifikasi',
    ADUAN_WA_GRAPH_URL: graph.url,
    ADUAN_WA_TEMPLATE_STATUS: 'status_laporan',
    ADUAN_WA_REPORTS_PER_HOUR: '3',
  };
  const photo = await sharp(streetScene(7)).jpeg().toBuffer();
  graph.addMedia('media-foto-1', photo, 'image/jpeg');
  graph.addMedia('media-bukan-foto', Buffer.from('%PDF-1.4 bukan foto'), 'image/jpeg');
});
afterAll(async () => {
  await database?.close();
  await graph?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

const one = async <T>(q: ReturnType<typeof sql>) => (await rowsOf<T>(database.db.execute(q)))[0];
let serial = 0;
let clockOffsetMs = 0;
const now = () => new Date(Date.now() + clockOffsetMs);

type Content = Record<string, unknown> & { type: string };
const text = (body: string): Content => ({ type: 'text', text: { body } });
const button = (id: string): Content => ({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title: id } } });
const listPick = (id: string): Content => ({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id, title: id } } });

function payload(from: string, content: Content, wamid = `wamid.masuk${++serial}`) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'WABA-1',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '62811000000', phone_number_id: PHONE_ID },
              contacts: [{ wa_id: from, profile: { name: 'Warga' } }],
              messages: [{ from, id: wamid, timestamp: String(Math.floor(now().getTime() / 1000)), ...content }],
            },
          },
        ],
      },
    ],
  };
}

function post(body: unknown, options: { secret?: string; signature?: string | null } = {}) {
  const raw = Buffer.from(JSON.stringify(body));
  const signature = options.signature !== undefined ? options.signature : hubSignature(options.secret ?? env.ADUAN_WA_APP_SECRET, raw);
  return receiveWhatsApp(database.db, { body: raw, signature }, { now: now(), env });
}

const deps = () => ({ now: now(), storage: createDiskStorage(mediaDir), publicUrl: 'http://aduan.test', config: whatsAppConfig(env)! });
const senders = () => createSenders(env, { whatsapp: whatsAppSender(database.db, env, now) });

/** Processes what the webhook stored, then delivers the outbox; returns the bodies the Graph API got. */
async function run(): Promise<Record<string, unknown>[]> {
  const before = graph.sent.length;
  await processWhatsAppOnce(database.db, deps(), 50);
  await runOutboxOnce(database.db, senders(), new Date(Date.now() + 1000), 50);
  return graph.sent.slice(before).map((s) => s.body);
}

/** The resident writes; returns what they got back. */
async function say(from: string, content: Content, wamid?: string) {
  const answer = await post(payload(from, content, wamid));
  expect(answer.status).toBe(200);
  return run();
}

const bodyText = (m: Record<string, unknown>) =>
  m.type === 'text' ? (m.text as { body: string }).body : m.type === 'interactive' ? (m.interactive as { body: { text: string } }).body.text : JSON.stringify(m.template);

describe('the webhook', () => {
  it('answers the subscription handshake with the challenge, only for our verify token', () => {
    const ok = verifySubscription(new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.verify_token': 'token-verifikasi', 'hub.challenge': '1158201444' }), env);
    expect(ok).toEqual({ status: 200, body: '1158201444' });
    const wrong = verifySubscription(new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.verify_token': 'tebakan', 'hub.challenge': '1' }), env);
    expect(wrong.status).toBe(403);
  });

  it('answers 503 without configuration, like the other channels', async () => {
    expect(verifySubscription(new URLSearchParams({ 'hub.mode': 'subscribe' }), {}).status).toBe(503);
    const raw = Buffer.from('{}');
    expect((await receiveWhatsApp(database.db, { body: raw, signature: hubSignature('x', raw) }, { now: now(), env: {} })).status).toBe(503);
  });

  it('refuses a body without a valid X-Hub-Signature-256 and stores nothing', async () => {
    const body = payload('6281200000001', text('halo'));
    expect((await post(body, { signature: null })).status).toBe(401);
    expect((await post(body, { secret: 'rahasia-lain' })).status).toBe(401);
    const raw = Buffer.from(JSON.stringify(body));
    // signed, then changed on the way
    const tampered = await receiveWhatsApp(database.db, { body: Buffer.from(raw.toString().replace('halo', 'hai!')), signature: hubSignature(env.ADUAN_WA_APP_SECRET, raw) }, { now: now(), env });
    expect(tampered.status).toBe(401);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from wa_inbound where wa_id = '6281200000001'`)).n).toBe(0);
  });

  it('stores a message once however often it is delivered, and ignores a replay older than a week', async () => {
    const body = payload('6281200000002', text('halo'));
    expect((await post(body)).body).toEqual({ diterima: 1 });
    expect((await post(body)).body).toEqual({ diterima: 0 });
    const old = payload('6281200000002', text('halo lagi'));
    (old.entry[0].changes[0].value.messages[0] as { timestamp: string }).timestamp = String(Math.floor(now().getTime() / 1000) - 8 * 24 * 3600);
    expect((await post(old)).body).toEqual({ diterima: 0 });
    const replies = await run();
    expect(replies).toHaveLength(1); // one greeting for the one message
  });
});

describe('filing a report in a conversation', () => {
  const from = '6281311112222';

  it('greets with buttons, asks the category from a grouped list, then files with photo and a shared location', async () => {
    const [greeting] = await say(from, text('Selamat pagi, saya mau lapor'));
    expect(greeting).toMatchObject({ to: from, type: 'interactive', interactive: { type: 'button' } });
    const buttons = (greeting.interactive as { action: { buttons: { reply: { id: string; title: string } }[] } }).action.buttons;
    expect(buttons.map((b) => b.reply.id)).toEqual(['lapor', 'lacak', 'lang:en']);
    for (const b of buttons) expect(b.reply.title.length).toBeLessThanOrEqual(20);

    const [groups] = await say(from, button('lapor'));
    const rowsOf_ = (m: Record<string, unknown>) => (m.interactive as { action: { sections: { rows: { id: string; title: string }[] }[] } }).action.sections.flatMap((s) => s.rows);
    expect(groups).toMatchObject({ type: 'interactive', interactive: { type: 'list' } });
    expect(rowsOf_(groups).length).toBeLessThanOrEqual(10);
    expect(rowsOf_(groups).map((r) => r.id)).toContain('other');
    for (const r of rowsOf_(groups)) expect(r.title.length).toBeLessThanOrEqual(24);
    const infrastructure = rowsOf_(groups).find((r) => r.title === 'Infrastruktur')!;

    const [categoryList] = await say(from, listPick(infrastructure.id));
    expect(rowsOf_(categoryList).map((r) => r.id)).toContain('cat:jalan');
    expect(rowsOf_(categoryList).length).toBeLessThanOrEqual(10);

    expect(bodyText((await say(from, listPick('cat:jalan')))[0])).toMatch(/Ceritakan masalahnya/);
    expect(bodyText((await say(from, text('Jalan berlubang besar di depan sekolah, sudah dua minggu')))[0])).toMatch(/foto/i);
    const afterPhoto = await say(from, { type: 'image', image: { id: 'media-foto-1', mime_type: 'image/jpeg', sha256: 'x' } });
    expect(afterPhoto.map(bodyText).join(' ')).toMatch(/Foto diterima[\s\S]*Di mana lokasinya/);
    const [visibility] = await say(from, { type: 'location', location: { latitude: -6.1754, longitude: 106.8272, name: 'Monas', address: 'Gambir' } });
    expect(visibility).toMatchObject({ type: 'interactive', interactive: { type: 'button' } });

    const [confirmation] = await say(from, button('public'), 'wamid.laporan-final');
    const confirmed = bodyText(confirmation);
    const number = /nomor (JK\d{10})/.exec(confirmed)?.[1];
    expect(number).toBeDefined();
    expect(confirmed).toMatch(new RegExp(`http://aduan\\.test/lacak/${number}\\?kunci=[\\w-]+`));

    const report = await one<{ id: number; channel_code: string; category_code: string; kelurahan_code: string; is_public: boolean; reporter_phone: string | null; photos: number; contact: string }>(sql`
      select r.id, r.channel_code, r.category_code, r.kelurahan_code, r.is_public, r.reporter_phone,
        (select count(*)::int from attachments a where a.report_id = r.id) as photos,
        (select contact from report_subscribers s where s.report_id = r.id) as contact
      from reports r where r.number = ${number}`);
    expect(report).toMatchObject({ channel_code: 'whatsapp', category_code: 'jalan', kelurahan_code: '31.71.01.1001', is_public: true, reporter_phone: null, photos: 1 });
    // the ticket follows the conversation, never the number
    expect(report.contact).toMatch(/^wa:\d+$/);
    // the private link's key is dropped from the stored message once sent
    const stored = await one<{ body: string; headers: string }>(sql`select body, headers::text as headers from outbox where body like ${`%${number}%`} order by id desc limit 1`);
    expect(stored.body).not.toMatch(/kunci=[\w-]/);
    expect(stored.headers).not.toMatch(/kunci/);
  });

  it('a duplicate delivery of the last message files one ticket', async () => {
    const count = async () => (await one<{ n: number }>(sql`select count(*)::int as n from reports where channel_code = 'whatsapp'`)).n;
    const before = await count();
    const again = payload(from, button('public'), 'wamid.laporan-final');
    expect((await post(again)).body).toEqual({ diterima: 0 });
    expect(await run()).toEqual([]);
    expect(await count()).toBe(before);
  });

  it('a typed kelurahan is found; an address it cannot place waits in triage; a private report stays private', async () => {
    const sender = '6281311113333';
    await say(sender, text('halo'));
    await say(sender, button('lapor'));
    await say(sender, listPick('other'));
    await say(sender, text('Lampu jalan mati di gang sebelah masjid'));
    await say(sender, button('skip'));
    expect(bodyText((await say(sender, text('Kelurahan Gambir')))[0])).toMatch(/Kelurahan Gambir/);
    const [confirmation] = await say(sender, button('private'));
    const number = /nomor (JK\d{10})/.exec(bodyText(confirmation))![1];
    expect(await one(sql`select category_code, kelurahan_code, is_public, address from reports where number = ${number}`)).toEqual({
      category_code: 'belum-dikategorikan',
      kelurahan_code: '31.71.01.1001',
      is_public: false,
      address: 'Kelurahan Gambir',
    });

    await say(sender, text('lapor lagi'));
    await say(sender, button('lapor'));
    await say(sender, listPick('other'));
    await say(sender, text('Sampah menumpuk di pinggir kali dekat pasar'));
    await say(sender, button('skip'));
    expect(bodyText((await say(sender, text('dekat pasar lama, belakang terminal')))[0])).toMatch(/petugas akan menentukan/);
    const [second] = await say(sender, button('public'));
    const triage = /nomor (JK\d{10})/.exec(bodyText(second))![1];
    expect(await one(sql`select kelurahan_code, handling_agency_id from reports where number = ${triage}`)).toEqual({ kelurahan_code: null, handling_agency_id: null });
  });

  it('a photo that fails the web form checks is refused with the reason, and the conversation goes on', async () => {
    const sender = '6281311114444';
    await say(sender, text('halo'));
    await say(sender, button('lapor'));
    await say(sender, listPick('other'));
    await say(sender, text('Trotoar rusak parah dekat halte busway'));
    const refused = await say(sender, { type: 'image', image: { id: 'media-bukan-foto', mime_type: 'image/jpeg' } });
    expect(refused.map(bodyText).join(' ')).toMatch(/Format foto tidak didukung/);
    const unknown = await say(sender, { type: 'image', image: { id: 'media-tidak-ada' } });
    expect(unknown.map(bodyText).join(' ')).toMatch(/tidak dapat diambil/);
    expect(bodyText((await say(sender, text('batal')))[0])).toMatch(/Dibatalkan/);
    expect((await one<{ state: { step: string } }>(sql`select state from wa_conversations where wa_id = ${sender}`)).state.step).toBe('idle');
  });

  it('limits reports per sender per hour', async () => {
    const sender = '6281311115555';
    for (let i = 0; i < 3; i++) {
      // a person filing three reports in an hour, not twenty messages in a minute
      clockOffsetMs = i * 2 * 60_000;
      await say(sender, text('halo'));
      await say(sender, button('lapor'));
      await say(sender, listPick('other'));
      await say(sender, text(`Laporan percobaan nomor ${i} yang cukup panjang`));
      await say(sender, button('skip'));
      await say(sender, text('jalan tanpa nama'));
      expect(bodyText((await say(sender, button('private')))[0])).toMatch(/diterima dengan nomor/);
    }
    clockOffsetMs = 6 * 60_000;
    await say(sender, text('halo'));
    expect(bodyText((await say(sender, button('lapor')))[0])).toMatch(/sudah mengirim 3 laporan dalam satu jam/);
    clockOffsetMs = 0;
  });

  it('a flood of messages from one sender is read but not answered past 20 a minute', async () => {
    const sender = '6281311110000';
    for (let i = 0; i < 25; i++) expect((await post(payload(sender, text(`pesan ke-${i}`)))).status).toBe(200);
    let processed = 0;
    for (let round = 0; round < 30; round++) processed += (await processWhatsAppOnce(database.db, deps(), 50)).processed;
    expect(processed).toBe(25);
    const { replies } = await one<{ replies: number }>(sql`
      select count(*)::int as replies from outbox where recipient = (select 'wa:' || id from wa_conversations where wa_id = ${sender})`);
    expect(replies).toBe(20);
    await runOutboxOnce(database.db, senders(), new Date(Date.now() + 1000), 50);
  });

  it('speaks English when the resident writes in English or asks', async () => {
    const sender = '6281311116666';
    const [greeting] = await say(sender, text('Hello, I want to report a problem please'));
    expect(bodyText(greeting)).toMatch(/Do you want to make a new report/);
    const other = '6281311117777';
    await say(other, text('halo'));
    const switched = await say(other, button('lang:en'));
    expect(switched.map(bodyText).join(' ')).toMatch(/Language: English[\s\S]*make a new report/);
    expect((await one<{ language: string }>(sql`select language from wa_conversations where wa_id = ${other}`)).language).toBe('en');
  });

  it('continues after a restart: the state is in the database, and a message claimed by a worker that died is processed again', async () => {
    const sender = '6281311118888';
    await say(sender, text('halo'));
    await say(sender, button('lapor'));
    await say(sender, listPick('other'));
    // stored and claimed by a worker that then died: its lease runs out
    expect((await post(payload(sender, text('Pohon tumbang menutup separuh jalan')))).status).toBe(200);
    await database.db.execute(sql`update wa_inbound set attempts = 1, locked_until = now() - interval '1 second' where wa_id = ${sender} and processed_at is null`);
    const replies = await run();
    expect(bodyText(replies[0])).toMatch(/foto/i);
    expect((await one<{ state: { step: string; draft: { description: string } } }>(sql`select state from wa_conversations where wa_id = ${sender}`)).state).toMatchObject({
      step: 'photo',
      draft: { description: 'Pohon tumbang menutup separuh jalan' },
    });
  });

  it('a conversation left silent is dropped with a clear message', async () => {
    const sender = '6281311119999';
    await say(sender, text('halo'));
    await say(sender, button('lapor'));
    await database.db.execute(sql`update wa_conversations set expires_at = now() - interval '1 minute' where wa_id = ${sender}`);
    const [expired] = await run();
    expect(bodyText(expired)).toMatch(/dihapus karena tidak ada balasan selama 30 menit/);
    expect((await one<{ state: { step: string }; expires_at: Date | null }>(sql`select state, expires_at from wa_conversations where wa_id = ${sender}`)).state.step).toBe('idle');
  });
});

describe('tracking a ticket', () => {
  const from = '6281322223333';

  it('answers the status and the last public step; a confidential number gets the same answer whether or not it exists', async () => {
    const { number } = await one<{ number: string }>(sql`select number from reports where channel_code = 'whatsapp' and is_public order by id limit 1`);
    await say(from, text('halo'));
    expect(bodyText((await say(from, button('lacak')))[0])).toMatch(/nomor tiket/);
    const [answer] = await say(from, text(number.toLowerCase()));
    expect(bodyText(answer)).toMatch(new RegExp(`Tiket ${number}: Menunggu[\\s\\S]*Langkah terakhir`));
    await say(from, button('lacak'));
    expect(bodyText((await say(from, text('JKR2603100001')))[0])).toMatch(/Tiket rahasia/);
    await say(from, button('lacak'));
    expect(bodyText((await say(from, text('nomor saya hilang')))[0])).toMatch(/bukan nomor tiket/);
  });
});

describe('status messages to the resident', () => {
  const from = '6281333334444';
  let reportId: number;
  let number: string;

  beforeAll(async () => {
    await say(from, text('halo'));
    await say(from, button('lapor'));
    await say(from, listPick('other'));
    await say(from, text('Saluran air tersumbat di depan rumah nomor 5'));
    await say(from, button('skip'));
    await say(from, text('Kelurahan Gambir'));
    const [confirmation] = await say(from, button('private'));
    number = /nomor (JK\d{10})/.exec(bodyText(confirmation))![1];
    reportId = (await one<{ id: number }>(sql`select id from reports where number = ${number}`)).id;
  });

  const change = (status: 'proses' | 'selesai') => database.db.transaction((tx) => notifySubscribers(tx, reportId, number, status));

  it('goes as free text within 24 hours of the last message, and as the approved template after', async () => {
    await change('proses');
    const [inside] = await run();
    expect(inside).toMatchObject({ to: from, type: 'text' });
    expect(bodyText(inside)).toContain(`Status laporan ${number} sekarang: Proses`);

    clockOffsetMs = 25 * 3600_000;
    try {
      await change('selesai');
      await processWhatsAppOnce(database.db, deps(), 50);
      const before = graph.sent.length;
      await runOutboxOnce(database.db, senders(), new Date(Date.now() + 1000), 50);
      const [outside] = graph.sent.slice(before).map((s) => s.body);
      expect(outside).toMatchObject({ to: from, type: 'template', template: { name: 'status_laporan', language: { code: 'id' } } });
      const parameters = (outside.template as { components: { parameters: { text: string }[] }[] }).components[0].parameters.map((p) => p.text);
      expect(parameters).toEqual([number, `Status laporan ${number} sekarang: Selesai.`]);
    } finally {
      clockOffsetMs = 0;
    }
  });

  it('goes as the template when Meta finds the window closed before our clock does', async () => {
    graph.failNextSends(1, 400, 131047);
    await change('proses');
    const [sent] = await run();
    expect(sent).toMatchObject({ type: 'template', template: { name: 'status_laporan' } });
  });

  it('is retried through the outbox when the Graph API fails', async () => {
    graph.failNextSends(1, 503);
    await change('proses');
    expect(await run()).toEqual([]);
    const failed = await one<{ attempts: number; last_error: string; status: string }>(sql`select attempts, last_error, status from outbox where recipient like 'wa:%' order by id desc limit 1`);
    expect(failed).toMatchObject({ attempts: 1, status: 'pending' });
    expect(failed.last_error).toMatch(/HTTP 503/);
    await database.db.execute(sql`update outbox set next_attempt_at = now() where status = 'pending'`);
    const [retried] = await run();
    expect(bodyText(retried)).toContain('Proses');
  });

  it('records the status callbacks on the outgoing message, never going back', async () => {
    const { wamid } = await one<{ wamid: string }>(sql`select wamid from wa_outgoing order by created_at desc, wamid desc limit 1`);
    const callback = (status: string) => ({
      object: 'whatsapp_business_account',
      entry: [{ id: 'W', changes: [{ field: 'messages', value: { metadata: { phone_number_id: PHONE_ID }, statuses: [{ id: wamid, status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: from }] } }] }],
    });
    for (const status of ['sent', 'read', 'delivered']) expect((await post(callback(status))).status).toBe(200);
    expect(await one(sql`select status from wa_outgoing where wamid = ${wamid}`)).toEqual({ status: 'read' });
  });

  it("what an official writes to the reporter reaches the conversation, with the private link", async () => {
    const [{ id: lurahId }] = await rowsOf<{ id: number }>(database.db.execute(sql`select id from users where email = 'lurah.gambir@aduan.test'`));
    const lurah = (await loadStaffUser(database.db, lurahId))!;
    const { version } = await one<{ version: number }>(sql`select version from reports where id = ${reportId}`);
    await performStaffAction(database.db, lurah, { number, version, action: 'tanggapan', body: 'Kami cek besok pagi.' }, { now: now(), storage: createDiskStorage(mediaDir) });
    const [message] = await run();
    expect(message).toMatchObject({ to: from, type: 'text' });
    expect(bodyText(message)).toMatch(new RegExp(`menanggapi laporan Anda ${number}[\\s\\S]*Kami cek besok pagi[\\s\\S]*/lacak/${number}\\?kunci=`));
  });

  it('goes in English to a conversation held in English', async () => {
    await say(from, text('English'));
    await change('proses');
    expect(bodyText((await run())[0])).toMatch(new RegExp(`^The status of report ${number} is now: `));
    await say(from, text('Bahasa Indonesia'));
  });

  it('stops after BERHENTI and starts again after MULAI', async () => {
    expect(bodyText((await say(from, text('BERHENTI')))[0])).toMatch(/tidak akan menerima kabar status/);
    await change('selesai');
    expect(await run()).toEqual([]);
    expect(await one(sql`select status, last_error from outbox where recipient like 'wa:%' order by id desc limit 1`)).toMatchObject({ status: 'failed', last_error: expect.stringMatching(/BERHENTI/) });
    await say(from, text('mulai'));
    await change('proses');
    expect(bodyText((await run())[0])).toContain('Proses');
  });
});

describe('privacy', () => {
  it('no public view reads the WhatsApp tables, and a WhatsApp ticket in public shows no number', async () => {
    const views = await one<{ n: number }>(sql`select count(*)::int as n from pg_views where schemaname = 'public' and definition ~* 'wa_(conversations|inbound|outgoing)'`);
    expect(views.n).toBe(0);
    const tickets = await rowsOf<{ number: string }>(database.db.execute(sql`select number from reports where channel_code = 'whatsapp'`));
    expect(tickets.length).toBeGreaterThan(3);
    for (const { number } of tickets) {
      const shown = JSON.stringify([await getPublicReport(database.db, number), await getPublicTimeline(database.db, number)]);
      expect(shown).not.toMatch(/62813\d{6}|813\d{8}/);
    }
    // the ticket's own row carries no number either: only the conversation does
    expect(await one(sql`select count(*)::int as n from reports where channel_code = 'whatsapp' and (reporter_phone is not null or reporter_name is not null)`)).toEqual({ n: 0 });
  });
});

describe('a restart', () => {
  /** A database that can be closed and opened again, as a server restart does: a PGlite data directory, or a PostgreSQL database. */
  async function restartable() {
    const url = process.env.DATABASE_URL;
    if (!url) {
      const dir = mkdtempSync(join(tmpdir(), 'aduan-wa-restart-'));
      return { open: () => createDatabase({ dataDir: join(dir, 'db') }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    }
    const name = `aduan_test_wa_${randomBytes(5).toString('hex')}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    return {
      open: () => createDatabase({ url: target.toString(), maxConnections: 5 }),
      cleanup: async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }

  it('a conversation goes on where it stood after the database and the worker are closed and opened again', async () => {
    const place = await restartable();
    const sender = '6281344445555';
    const deliver = async (db: Database, content: Content) => {
      const raw = Buffer.from(JSON.stringify(payload(sender, content)));
      expect((await receiveWhatsApp(db.db, { body: raw, signature: hubSignature(env.ADUAN_WA_APP_SECRET, raw) }, { now: now(), env })).status).toBe(200);
      await processWhatsAppOnce(db.db, deps(), 10);
    };
    try {
      let db = await place.open();
      await migrate(db);
      await seedReference(db.db);
      for (const content of [text('halo'), button('lapor'), listPick('other'), text('Lampu penerangan jalan mati sepanjang gang')]) await deliver(db, content);
      await db.close();

      db = await place.open();
      await migrate(db);
      for (const content of [button('skip'), text('Kelurahan Gambir'), button('private')]) await deliver(db, content);
      const [report] = await rowsOf<{ description: string; kelurahan_code: string; is_public: boolean }>(
        db.db.execute(sql`select description, kelurahan_code, is_public from reports where channel_code = 'whatsapp'`),
      );
      expect(report).toEqual({ description: 'Lampu penerangan jalan mati sepanjang gang', kelurahan_code: '31.71.01.1001', is_public: false });
      await db.close();
    } finally {
      await place.cleanup();
    }
  }, 120_000);
});
