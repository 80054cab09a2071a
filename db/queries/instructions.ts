import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../connect';
import { agencies, categories, instructions, reports } from '../schema';
import type { StaffUser } from '@/lib/auth/permissions';

const fromUnit = alias(agencies, 'from_unit');
const toUnit = alias(agencies, 'to_unit');

export interface InstructionRow {
  id: number;
  number: string;
  status: (typeof reports.$inferSelect)['status'];
  category: string;
  fromName: string | null;
  toName: string;
  body: string;
  dueAt: Date;
  createdAt: Date;
  closedAt: Date | null;
  outcome: 'dilaksanakan' | 'dialihkan' | null;
}

const listed = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: instructions.id,
      number: reports.number,
      status: reports.status,
      category: categories.nameId,
      fromName: fromUnit.name,
      toName: toUnit.name,
      body: instructions.body,
      dueAt: instructions.dueAt,
      createdAt: instructions.createdAt,
      closedAt: instructions.closedAt,
      outcome: instructions.outcome,
    })
    .from(instructions)
    .innerJoin(reports, eq(reports.id, instructions.reportId))
    .innerJoin(categories, eq(categories.code, reports.categoryCode))
    .innerJoin(toUnit, eq(toUnit.id, instructions.toAgencyId))
    .leftJoin(fromUnit, eq(fromUnit.id, instructions.fromAgencyId))
    // an instruction never opens a confidential ticket (canView), nor lists one
    .where(and(where, eq(reports.isConfidential, false)));

/**
 * "Instruksi saya": what the official's office instructed (or they themselves, without an office),
 * open ones first by deadline, then the closed ones newest first.
 */
export async function findInstructionsGiven(db: Db, user: StaffUser, limit = 200): Promise<InstructionRow[]> {
  const mine = user.agencyId !== null ? eq(instructions.fromAgencyId, user.agencyId) : eq(instructions.fromUserId, user.id);
  return listed(db, mine)
    .orderBy(sql`${instructions.closedAt} is not null`, sql`case when ${instructions.closedAt} is null then ${instructions.dueAt} end`, desc(instructions.createdAt))
    .limit(limit);
}

/** The open instructions addressed to the official's unit, nearest deadline first. */
export async function findInstructionsReceived(db: Db, user: StaffUser, limit = 50): Promise<InstructionRow[]> {
  if (user.agencyId === null) return [];
  return listed(db, and(eq(instructions.toAgencyId, user.agencyId), isNull(instructions.closedAt)))
    .orderBy(asc(instructions.dueAt))
    .limit(limit);
}
