import type { UserRole } from '@/db/schema';
import { DEMO_USERS } from '@/lib/reference/demo-users';

/** Roles that hold the city's most sensitive powers: they never work without a second factor. */
export const MFA_REQUIRED_ROLES: readonly UserRole[] = ['admin', 'inspektorat', 'validator'];

/** The app_settings key of the admin's switch "every role must use a second factor". */
export const MFA_ALL_ROLES_SETTING = 'mfa_semua_peran';

export interface MfaPolicy {
  /** The admin switched on the requirement for every role. */
  allRoles: boolean;
  /** The demo (ADUAN_DEMO=1): the published demo accounts are spared the role requirement. */
  isDemo: boolean;
}

const DEMO_EMAILS = new Set(DEMO_USERS.map((u) => u.email));

export function isDemo(env: Record<string, string | undefined> = process.env): boolean {
  return env.ADUAN_DEMO === '1';
}

/**
 * Whether this account must have a second factor before it may use the workspace. The admin's
 * switch applies to everyone, demo accounts too. Otherwise the three sensitive roles must, except
 * the demo's own accounts in the demo: their password is printed in the README for anyone to try,
 * and the browser tests sign in as them many times a minute.
 */
export function isMfaRequired(account: { role: UserRole; email: string }, policy: MfaPolicy): boolean {
  if (policy.allRoles) return true;
  if (policy.isDemo && DEMO_EMAILS.has(account.email)) return false;
  return MFA_REQUIRED_ROLES.includes(account.role);
}
