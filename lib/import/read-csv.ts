import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { ArchiveRow } from './archive';

/** The columns an archive file must have (others are ignored). */
export const ARCHIVE_COLUMNS = ['report_id', 'date', 'kelurahan', 'category', 'agency', 'description'] as const;

export class ArchiveFileError extends Error {}

/**
 * Reads an archive CSV (RFC 4180, UTF-8 with or without BOM, descriptions may span lines) as
 * rows with the line each record starts on. A missing column stops the import before any row.
 */
export async function* readArchiveCsv(input: Readable): AsyncGenerator<ArchiveRow> {
  const parser = input.pipe(parse({ columns: true, bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: false }));
  let checked = false;
  // csv-parse tells the line a record ends on; a description with newlines starts earlier
  let previousEnd = 1;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; columns: unknown } }>) {
      if (!checked) {
        const missing = ARCHIVE_COLUMNS.filter((c) => !(c in record));
        if (missing.length) throw new ArchiveFileError(`kolom tidak ada: ${missing.join(', ')} (harus ada ${ARCHIVE_COLUMNS.join(', ')})`);
        checked = true;
      }
      yield { line: previousEnd + 1, record };
      previousEnd = info.lines;
    }
  } catch (error) {
    // every way the CSV itself is broken (quotes, encoding) ends the import with one clear message
    if (error instanceof CsvError) throw new ArchiveFileError(`CSV rusak setelah baris ${previousEnd}: ${error.message}`, { cause: error });
    throw error;
  }
}
