import { describe, expect, it } from 'vitest';
import { DEVICE_COOKIE, deviceHash, deviceIdFromCookieHeader, newDeviceId, validDeviceId } from './known-device';

describe('the staff device cookie', () => {
  const id = newDeviceId();

  it.each([
    ['the cookie among others', `a=1; ${DEVICE_COOKIE}=${id}; b=2`, id],
    ['the cookie alone', `${DEVICE_COOKIE}=${id}`, id],
    ['no cookie header', null, null],
    ['another cookie only', 'aduan_perangkat=abc', null],
    ['a value too short to be random', `${DEVICE_COOKIE}=abc`, null],
    ['a value with foreign characters', `${DEVICE_COOKIE}=${id.slice(0, 42)}$`, null],
  ])('reads %s', (_label, header, expected) => {
    expect(deviceIdFromCookieHeader(header)).toBe(expected);
  });

  it('is random, and stored only as a hash keyed with the server secret', () => {
    expect(newDeviceId()).not.toBe(id);
    expect(validDeviceId(id)).toBe(id);
    expect(deviceHash(id, 'geheim-1')).toBe(deviceHash(id, 'geheim-1'));
    expect(deviceHash(id, 'geheim-1')).not.toBe(deviceHash(id, 'geheim-2'));
    expect(deviceHash(id, 'geheim-1')).not.toContain(id);
  });
});
