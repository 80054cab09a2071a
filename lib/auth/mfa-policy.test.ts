import { describe, expect, it } from 'vitest';
import type { UserRole } from '@/db/schema';
import { isMfaRequired, type MfaPolicy } from './mfa-policy';

const production: MfaPolicy = { allRoles: false, isDemo: false };
const everyone: MfaPolicy = { allRoles: true, isDemo: false };
const demo: MfaPolicy = { allRoles: false, isDemo: true };
const demoEveryone: MfaPolicy = { allRoles: true, isDemo: true };
const account = (role: UserRole, email = `${role}.baru@jakarta.go.id`) => ({ role, email });

describe('isMfaRequired', () => {
  it.each([
    ['an admin', account('admin'), production, true],
    ['an inspektorat official', account('inspektorat'), production, true],
    ['a validator', account('validator'), production, true],
    ['a lurah', account('lurah'), production, false],
    ['an operator', account('operator'), production, false],
    ['agency staff', account('agency'), production, false],
    ['a lurah, with the admin switch on', account('lurah'), everyone, true],
    ['a walikota, with the admin switch on', account('walikota'), everyone, true],
    ['the demo admin account in the demo', account('admin', 'admin@aduan.test'), demo, false],
    ['the demo validator account in the demo', account('validator', 'validator@aduan.test'), demo, false],
    ['a validator created in the demo', account('validator', 'validator.baru@aduan.test'), demo, true],
    ['the demo admin account outside the demo', account('admin', 'admin@aduan.test'), production, true],
    ['the demo admin account in the demo with the admin switch on', account('admin', 'admin@aduan.test'), demoEveryone, true],
    ['the demo lurah account in the demo with the admin switch on', account('lurah', 'lurah.gambir@aduan.test'), demoEveryone, true],
  ] as const)('%s: %s', (_label, who, policy, expected) => {
    expect(isMfaRequired(who, policy)).toBe(expected);
  });
});
