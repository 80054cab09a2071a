import type { Db } from '@/db/connect';
import { isConfidentialNumber, normalizeTicketNumber } from '@/lib/reports/ticket-number';
import { isTrackingKeyValid } from './tracking';

/**
 * What the public tracker (/lacak) does with what a person typed: open the ticket's public page,
 * or say that a confidential (JKR…) ticket is followed only through its private link. The answer
 * for a JKR number never depends on whether that ticket exists.
 */
export type TypedNumberAnswer =
  | { kind: 'empty' }
  | { kind: 'invalid' }
  | { kind: 'confidential' }
  | { kind: 'ticket'; number: string };

export function answerTypedNumber(typed: string): TypedNumberAnswer {
  if (typed.trim() === '') return { kind: 'empty' };
  const number = normalizeTicketNumber(typed);
  if (!number) return { kind: 'invalid' };
  return isConfidentialNumber(number) ? { kind: 'confidential' } : { kind: 'ticket', number };
}

/**
 * Whether the private tracking page opens for this number and key. Without a valid key, a
 * confidential number gets its own answer, the same for every JKR number whether or not it was
 * issued, so that the page tells the reporter where to look without confirming a ticket.
 */
export type TrackingAccess = 'granted' | 'confidential' | 'refused';

export async function trackingAccess(db: Db, number: string, key: string): Promise<TrackingAccess> {
  if (await isTrackingKeyValid(db, number, key)) return 'granted';
  return isConfidentialNumber(number) ? 'confidential' : 'refused';
}
