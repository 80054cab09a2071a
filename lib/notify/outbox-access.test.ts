import { describe, expect, it } from 'vitest';
import type { UserRole } from '@/db/schema';
import { outboxAccess, type OutboxAccess } from './outbox-access';

describe('outboxAccess', () => {
  it.each<[UserRole, OutboxAccess]>([
    ['admin', 'all'],
    ['operator', 'all'],
    ['inspektorat', 'confidential'],
    ['lurah', 'none'],
    ['camat', 'none'],
    ['walikota', 'none'],
    ['agency', 'none'],
    ['validator', 'none'],
  ])('%s reads %s', (role, access) => {
    expect(outboxAccess(role)).toBe(access);
  });
});
