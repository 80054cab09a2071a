import { describe, expect, it } from 'vitest';
import { isLivePush } from './queue';
import { statusPushText } from './messages';
import { isAcceptableEndpoint, parsePushRecipient, pushRecipient } from './subscription';
import { vapidSource } from './vapid';

describe('isAcceptableEndpoint', () => {
  it.each([
    ['a push service on the internet', 'https://fcm.googleapis.com/fcm/send/abc', false, true],
    ["Mozilla's push service", 'https://updates.push.services.mozilla.com/wpush/v2/x', false, true],
    ['plain http', 'http://fcm.googleapis.com/fcm/send/abc', false, false],
    ['an IPv4 literal', 'https://10.0.0.5/notify/x', false, false],
    ['an IPv6 literal', 'https://[fd00::1]/x', false, false],
    ['a single-label host', 'https://intranet/x', false, false],
    ['an internal name', 'https://push.corp/x', false, false],
    ['credentials in the address', 'https://user:pw@fcm.googleapis.com/x', false, false],
    ['not a URL', 'push-me', false, false],
    ['the local test service, not allowed', 'http://localhost:8090/notify/x', false, false],
    ['the local test service, allowed', 'http://localhost:8090/notify/x', true, true],
    ['another http host, even when loopback is allowed', 'http://example.com/x', true, false],
  ])('%s', (_label, url, allowLoopback, expected) => {
    expect(isAcceptableEndpoint(url, allowLoopback)).toBe(expected);
  });
});

describe('push recipients', () => {
  it('name a subscription by id and read back only that form', () => {
    expect(parsePushRecipient(pushRecipient(42))).toBe(42);
    expect(parsePushRecipient('https://fcm.googleapis.com/x')).toBeNull();
    expect(parsePushRecipient('push:12abc')).toBeNull();
  });
});

describe('isLivePush', () => {
  const t = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));
  it.each([
    ['never used', null, null, true],
    ['delivered, never failed', t(1), null, true],
    ['failed, never delivered', null, t(1), false],
    ['failed after the last delivery', t(1), t(2), false],
    ['delivered again after a failure', t(3), t(2), true],
  ])('%s', (_label, lastSuccessAt, lastFailureAt, expected) => {
    expect(isLivePush({ lastSuccessAt, lastFailureAt })).toBe(expected);
  });
});

describe('statusPushText', () => {
  it('speaks the subscriber’s language', () => {
    expect(statusPushText('2605-0001', 'selesai', 'id')).toEqual({ title: 'Laporan 2605-0001', body: 'Status sekarang: Selesai.' });
    expect(statusPushText('2605-0001', 'selesai', 'en')).toEqual({ title: 'Report 2605-0001', body: 'Status is now: Finished.' });
  });
});

describe('vapidSource', () => {
  const pair = { ADUAN_VAPID_PUBLIC_KEY: 'B'.repeat(87), ADUAN_VAPID_PRIVATE_KEY: 'p'.repeat(43) };
  it.each([
    ['all three set', { ...pair, ADUAN_VAPID_SUBJECT: 'mailto:ops@jakarta.go.id', NODE_ENV: 'production' }, 'env'],
    ['keys without a subject', { ...pair, NODE_ENV: 'production' }, 'off'],
    ['one key only', { ADUAN_VAPID_PUBLIC_KEY: 'B'.repeat(87), ADUAN_VAPID_SUBJECT: 'mailto:a@b.id' }, 'off'],
    ['production without keys', { NODE_ENV: 'production' }, 'off'],
    ['the demo without keys', { NODE_ENV: 'production', ADUAN_DEMO: '1' }, 'generate'],
    ['a development server without keys', { NODE_ENV: 'development' }, 'generate'],
  ])('%s', (_label, env, kind) => {
    expect(vapidSource(env).kind).toBe(kind);
  });
});
