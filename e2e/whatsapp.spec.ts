import { expect, test } from '@playwright/test';
import { startGraphStandIn, type GraphStandIn } from '../lib/testing/graph-api';
import { hubSignature } from '../lib/whatsapp/signature';
import { e2eWhatsApp } from './whatsapp-env';

// WhatsApp end to end: the Cloud API's requests are made here, signed with the app secret the
// server was given (scripts/e2e-server.ts); the server's own worker answers through the Graph API
// stand-in started here, on the port the server was told. The resident then opens the private link.

const settings = e2eWhatsApp(Number(process.env.E2E_PORT ?? 3100));
let graph: GraphStandIn;
test.beforeAll(async () => {
  graph = await startGraphStandIn({ phoneNumberId: settings.ADUAN_WA_PHONE_NUMBER_ID, accessToken: settings.ADUAN_WA_ACCESS_TOKEN, port: Number(new URL(settings.ADUAN_WA_GRAPH_URL).port) });
});
test.afterAll(async () => {
  await graph?.close();
});

const from = '6281399990001';
let serial = 0;
function delivery(content: Record<string, unknown>) {
  const message = { from, id: `wamid.e2e${Date.now()}${++serial}`, timestamp: String(Math.floor(Date.now() / 1000)), ...content };
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: settings.ADUAN_WA_PHONE_NUMBER_ID }, contacts: [{ wa_id: from, profile: { name: 'Warga' } }], messages: [message] } }] }],
  });
}
const replyText = (body: Record<string, unknown>) =>
  body.type === 'text' ? (body.text as { body: string }).body : ((body.interactive as { body: { text: string } } | undefined)?.body.text ?? '');

test('a resident files a report on WhatsApp and follows it through the private link', async ({ page, request }) => {
  // the subscription handshake and a forged delivery first
  const handshake = await request.get(`/api/kanal/whatsapp?hub.mode=subscribe&hub.verify_token=${settings.ADUAN_WA_VERIFY_TOKEN}&hub.challenge=4242`);
  expect(await handshake.text()).toBe('4242');
  const forged = await request.post('/api/kanal/whatsapp', { data: delivery({ type: 'text', text: { body: 'halo' } }), headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` } });
  expect(forged.status()).toBe(401);

  const say = async (content: Record<string, unknown>) => {
    const before = graph.sent.length;
    const body = delivery(content);
    const answer = await request.post('/api/kanal/whatsapp', { data: body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': hubSignature(settings.ADUAN_WA_APP_SECRET, body) } });
    expect(answer.status()).toBe(200);
    await expect.poll(() => graph.sent.length, { timeout: 15_000 }).toBeGreaterThan(before);
    return replyText(graph.sent[graph.sent.length - 1].body);
  };
  const button = (id: string) => ({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title: id } } });

  expect(await say({ type: 'text', text: { body: 'Selamat siang' } })).toContain('Aduan Jakarta');
  expect(await say(button('lapor'))).toContain('Pilih kelompoknya');
  expect(await say({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'other', title: 'Lainnya' } } })).toContain('Ceritakan');
  expect(await say({ type: 'text', text: { body: 'Pohon tumbang menutup trotoar di depan kantor pos' } })).toContain('foto');
  expect(await say(button('skip'))).toContain('lokasinya');
  expect(await say({ type: 'location', location: { latitude: -6.1754, longitude: 106.8272, name: 'Monas' } })).toContain('situs publik');
  const confirmation = await say(button('public'));
  const link = /(http\S+\/lacak\/(JK\d{10})\?kunci=\S+)/.exec(confirmation);
  expect(link, confirmation).not.toBeNull();

  await page.goto(link![1].replace(/^http:\/\/[^/]+/, ''));
  await expect(page.getByText(link![2]).first()).toBeVisible();
  await expect(page.getByText('Pohon tumbang menutup trotoar di depan kantor pos')).toBeVisible();

  // the channel directory offers WhatsApp, configured here, with its figures
  await page.goto('/kanal');
  await expect(page.getByTestId('channel-whatsapp').getByTestId('channel-figures')).toBeVisible();
});
