import { describe, expect, it } from 'vitest';
import { readWebhookPayload } from './payload';
import { hubSignature, isHubSignatureValid } from './signature';

const value = (messages: unknown[], statuses: unknown[] = [], phoneNumberId = '123') => ({
  object: 'whatsapp_business_account',
  entry: [{ id: 'W', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: phoneNumberId }, messages, statuses } }] }],
});
const base = { from: '628111', id: 'wamid.1', timestamp: '1773111600' };

describe('reading a Cloud API webhook', () => {
  it.each([
    ['text', { type: 'text', text: { body: 'halo' } }, { type: 'text', body: 'halo' }],
    ['button reply', { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'lapor', title: 'Buat laporan' } } }, { type: 'reply', id: 'lapor', title: 'Buat laporan' }],
    ['list reply', { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'cat:jalan', title: 'Jalan' } } }, { type: 'reply', id: 'cat:jalan', title: 'Jalan' }],
    ['template quick reply', { type: 'button', button: { payload: 'lacak', text: 'Lacak' } }, { type: 'reply', id: 'lacak', title: 'Lacak' }],
    ['image', { type: 'image', image: { id: 'm1', mime_type: 'image/jpeg', sha256: 'x', caption: 'lubang' } }, { type: 'image', mediaId: 'm1', mimeType: 'image/jpeg', caption: 'lubang' }],
    ['location', { type: 'location', location: { latitude: -6.17, longitude: 106.82, name: 'Monas' } }, { type: 'location', lat: -6.17, lng: 106.82, name: 'Monas', address: null }],
    ['voice note', { type: 'audio', audio: { id: 'a1' } }, { type: 'unsupported', kind: 'audio' }],
  ])('%s', (_label, message, content) => {
    expect(readWebhookPayload(value([{ ...base, ...message }]), '123')?.messages).toEqual([{ wamid: 'wamid.1', from: '628111', sentAt: new Date(1773111600_000), content }]);
  });

  it('reads status callbacks with their errors, ignores another number and refuses what is not WhatsApp', () => {
    const read = readWebhookPayload(value([], [{ id: 'wamid.k', status: 'failed', timestamp: '1773111600', errors: [{ code: 131047, title: 'Re-engagement message' }] }]), '123');
    expect(read?.statuses).toEqual([{ wamid: 'wamid.k', status: 'failed', at: new Date(1773111600_000), error: '131047 Re-engagement message' }]);
    expect(readWebhookPayload(value([{ ...base, type: 'text', text: { body: 'x' } }], [], '999'), '123')?.messages).toEqual([]);
    expect(readWebhookPayload({ object: 'page', entry: [] }, '123')).toBeNull();
  });
});

describe('X-Hub-Signature-256', () => {
  it('accepts only the HMAC of the exact body with the app secret', () => {
    const body = Buffer.from('{"a":1}');
    expect(isHubSignatureValid('s', hubSignature('s', body), body)).toBe(true);
    expect(isHubSignatureValid('s', hubSignature('t', body), body)).toBe(false);
    expect(isHubSignatureValid('s', hubSignature('s', body), Buffer.from('{"a":2}'))).toBe(false);
    expect(isHubSignatureValid('s', null, body)).toBe(false);
    expect(isHubSignatureValid('s', 'sha256=zz', body)).toBe(false);
  });
});
