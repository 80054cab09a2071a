import type { UserRole } from '@/db/schema';

/**
 * Which outbox rows a role reads. `all`: every row, but a confidential ticket's messages without
 * their recipient, subject, body or error; `confidential`: only confidential tickets' messages,
 * in full; `none`: nothing.
 */
export type OutboxAccess = 'all' | 'confidential' | 'none';

/**
 * Admins and operators run delivery, so they see that every message exists and how it fared; a
 * whistleblower's contact and private link are for Inspektorat alone, which handles confidential
 * tickets and may open no other ticket (see canView), so it reads exactly those messages. Pure.
 */
export function outboxAccess(role: UserRole): OutboxAccess {
  switch (role) {
    case 'admin':
    case 'operator':
      return 'all';
    case 'inspektorat':
      return 'confidential';
    case 'lurah':
    case 'camat':
    case 'walikota':
    case 'agency':
    case 'validator':
      return 'none';
    default:
      return role satisfies never;
  }
}
