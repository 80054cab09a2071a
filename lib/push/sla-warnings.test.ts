import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY } from '@/lib/sla/policy';
import { isAboutToBreach } from './sla-warnings';

const wib = (iso: string) => new Date(`${iso}+07:00`);
const kalender = DEFAULT_SLA_POLICY;
const hariKerja = { ...DEFAULT_SLA_POLICY, calendar: 'hari_kerja' as const };
const none = new Set<string>();

describe('isAboutToBreach', () => {
  it.each([
    ['three hours ahead', kalender, '2026-03-04T07:00', '2026-03-04T10:00', false],
    ['two hours ahead', kalender, '2026-03-04T08:00', '2026-03-04T10:00', true],
    ['half an hour ahead', kalender, '2026-03-04T09:30', '2026-03-04T10:00', true],
    ['already passed (the ladder takes over)', kalender, '2026-03-04T10:01', '2026-03-04T10:00', false],
    ['working days: Friday 23:00 before Monday 01:00 is two service hours', hariKerja, '2026-03-06T23:00', '2026-03-09T01:00', true],
    ['calendar: the same moments are 50 hours apart', kalender, '2026-03-06T23:00', '2026-03-09T01:00', false],
  ])('%s', (_label, policy, now, deadline, expected) => {
    expect(isAboutToBreach(wib(deadline), wib(now), policy, none)).toBe(expected);
  });
});
