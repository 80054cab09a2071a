import { once } from 'node:events';
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type postgres from 'postgres';
import type { Db } from './connect';

/**
 * Inserts many rows in one statement per chunk by handing PostgreSQL a JSON array
 * (json_populate_recordset). Works the same on PGlite and on a server, avoids the
 * 65,535-parameter limit, and is several times faster than multi-row VALUES.
 * Columns that no row of a chunk carries take their defaults; generated columns are never written.
 */
export async function bulkInsert<T extends PgTable>(
  db: Db,
  table: T,
  rows: Partial<T['$inferInsert']>[],
  chunkSize = 5000,
): Promise<void> {
  if (rows.length === 0) return;
  const name = getTableName(table);
  for (let i = 0; i < rows.length; i += chunkSize) {
    const columns = carriedColumns(table, rows.slice(i, i + chunkSize));
    const list = sql.raw(columns.map(([, c]) => `"${c.name}"`).join(', '));
    const chunk = rows.slice(i, i + chunkSize).map((row) => {
      const out: Record<string, unknown> = {};
      for (const [key, column] of columns) {
        const value = (row as Record<string, unknown>)[key];
        if (value !== undefined) out[column.name] = value instanceof Date ? value.toISOString() : value;
      }
      return out;
    });
    await db.execute(
      sql`insert into ${sql.identifier(name)} (${list}) select ${list} from json_populate_recordset(null::${sql.identifier(name)}, ${JSON.stringify(chunk)}::json)`,
    );
  }
}

/** The columns some of the rows carry (generated columns are the database's to compute). */
function carriedColumns(table: PgTable, rows: object[]): [string, { name: string }][] {
  const carried = new Set(rows.flatMap((row) => Object.keys(row).filter((k) => (row as Record<string, unknown>)[k] !== undefined)));
  return (Object.entries(getTableColumns(table)) as [string, { name: string; generated?: unknown }][]).filter(
    ([key, c]) => !c.generated && carried.has(key),
  );
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

export interface BulkLoader<T extends PgTable> {
  write(rows: Partial<T['$inferInsert']>[]): Promise<void>;
  end(): Promise<void>;
}

/**
 * Streams rows into one table for a large load. On a PostgreSQL server this is one COPY … FROM
 * STDIN per table (the server parses its text format several times faster than JSON, and it
 * works while the next rows are generated); on PGlite, or when `isCopy` is false, it falls back to
 * `bulkInsert`.
 */
export async function openBulkLoader<T extends PgTable>(db: Db, table: T, isCopy = true): Promise<BulkLoader<T>> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (!isCopy || typeof client !== 'function') {
    return { write: (rows) => bulkInsert(db, table, rows), end: async () => {} };
  }
  const sqlClient = client as postgres.Sql;
  // the columns are those the first rows carry: the stream opens with them
  let open: { stream: Awaited<ReturnType<ReturnType<postgres.Sql['unsafe']>['writable']>>; finished: Promise<void>; columns: [string, { name: string }][] } | null = null;
  return {
    async write(rows) {
      if (rows.length === 0) return;
      if (!open) {
        const columns = carriedColumns(table, rows);
        const list = columns.map(([, c]) => `"${c.name}"`).join(', ');
        const stream = await sqlClient.unsafe(`copy "${getTableName(table)}" (${list}) from stdin`).writable();
        const finished = new Promise<void>((resolve, reject) => {
          stream.on('finish', resolve);
          stream.on('error', reject);
        });
        open = { stream, finished, columns };
      }
      const { stream, columns } = open;
      let text = '';
      for (const row of rows) {
        const record = row as Record<string, unknown>;
        text += columns.map(([key]) => copyField(record[key])).join('\t') + '\n';
      }
      if (!stream.write(text)) await once(stream, 'drain');
    },
    async end() {
      if (!open) return;
      open.stream.end();
      await open.finished;
    },
  };
}

/** One value in COPY's text format. */
function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[\\\n\r\t]/.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c]) : text;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
