import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './connect';

/**
 * Inserts many rows in one statement per chunk by handing PostgreSQL a JSON array
 * (json_populate_recordset). Works the same on PGlite and on a server, avoids the
 * 65,535-parameter limit, and is several times faster than multi-row VALUES.
 * Every NOT NULL column must be present in the rows: table defaults are not applied.
 */
export async function bulkInsert<T extends PgTable>(
  db: Db,
  table: T,
  rows: Partial<T['$inferInsert']>[],
  chunkSize = 5000,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table)) as [string, { name: string }][];
  const name = getTableName(table);
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize).map((row) => {
      const out: Record<string, unknown> = {};
      for (const [key, column] of columns) {
        const value = (row as Record<string, unknown>)[key];
        if (value !== undefined) out[column.name] = value instanceof Date ? value.toISOString() : value;
      }
      return out;
    });
    await db.execute(
      sql`insert into ${sql.identifier(name)} select * from json_populate_recordset(null::${sql.identifier(name)}, ${JSON.stringify(chunk)}::json)`,
    );
  }
}

/** Moves a serial column's sequence past the highest id (after inserting explicit ids). */
export async function syncSequence(db: Db, table: string, column = 'id'): Promise<void> {
  await db.execute(
    sql.raw(
      `select setval(pg_get_serial_sequence('${table}', '${column}'), coalesce((select max(${column}) from ${table}), 0) + 1, false)`,
    ),
  );
}

/** Rows of a raw `execute` on either driver (PGlite returns { rows }, postgres.js an array). */
export async function rowsOf<T = Record<string, unknown>>(result: Promise<unknown>): Promise<T[]> {
  const r = (await result) as { rows?: T[] } | T[];
  return Array.isArray(r) ? r : (r.rows ?? []);
}
