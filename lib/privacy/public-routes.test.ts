import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '@/e2e/routes';

/*
 * The public projection is the one choke point for reports: every public route reads reports,
 * their timelines, photos and ratings only through the views of db/queries/public. This test
 * follows the imports of every public page and route handler under app/ (a route added tomorrow
 * included) and fails when a module it reaches touches the stored tables any other way.
 */

const ROOT = resolve(__dirname, '../..');

/** Modules that may touch the stored tables from a public route, and why. */
const ALLOWED: Record<string, string> = {
  'db/schema.ts': 'declares the tables',
  'db/queries/public/history.ts': 'the projection: reads stored events only into the keyed digest',
  'lib/intake/create-report.ts': 'files a report (writes; answers only the ticket number)',
  'lib/intake/support-report.ts': 'a citizen supports a ticket (writes)',
  'lib/intake/tracking.ts': "the reporter's private link: checked against the ticket's key before anything is read",
  'lib/intake/tracker.ts': "the reporter's own view and photos behind the private link: the key is checked before the report is read",
  'lib/skm/survey.ts': "a survey answered from a finished ticket's private link (key checked)",
  'lib/channels/webhooks.ts': 'machine channels file reports (writes; signed requests)',
  'lib/open311/file.ts': 'Open311 POST files a report (writes; API key)',
  'lib/media/store-photos.ts': 'writes uploads',
  'lib/media/quarantine.ts': 'writes uploads into quarantine (never read back on a public route)',
  'lib/media/sweep-orphans.ts': 'the upload journal (no report data)',
  'lib/cache/signal.ts': 'change signal between instances (numbers only)',
  'db/queries/outbox.ts': 'queues messages (writes)',
  'lib/push/opt-in.ts': "a citizen's push opt-in: the tracking key is checked before the report's id is used; answers only whether this browser is subscribed",
  'lib/push/queue.ts': "queues pushes (writes); reads the reporter's phone only to decide whether a push replaces the SMS",
  'db/queries/push-subscriptions.ts': "push subscriptions; the sender's lookup reads a ticket's number and form token for the link it builds, never on a route",
};

const RAW_TABLES = /\b(reports|reportEvents|attachments|ratings)\b/;
const RAW_SQL = /\b(from|join|update|into)\s+(reports|report_events|attachments|ratings)\b/i;

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

const IMPORT = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (m[0].startsWith('import type') || m[0].startsWith('export type')) continue;
      const target = resolveImport(file, m[1] ?? m[2]);
      if (target) stack.push(target);
    }
  }
  return seen;
}

/** What a module reads of the stored tables: an import of them from the schema, or SQL naming them. */
function rawAccess(file: string): string | null {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"](?:@\/db\/schema|(?:\.\.?\/)+(?:db\/)?schema)['"]/g)) {
    const names = m[1].split(',').map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]);
    const hit = names.find((n) => RAW_TABLES.test(n) && RAW_TABLES.exec(n)![0] === n);
    if (hit) return `imports ${hit}`;
  }
  const sql = RAW_SQL.exec(text);
  return sql ? `SQL "${sql[0]}"` : null;
}

function routeFile(pattern: string, kind: 'page' | 'api'): string {
  if (kind === 'api') return join(ROOT, 'app', pattern, 'route.ts');
  if (pattern === '/bahasa') return join(ROOT, 'app/bahasa/route.ts');
  return join(ROOT, 'app/[locale]', pattern, 'page.tsx');
}

const publicRoutes = appRoutes(join(ROOT, 'app'))
  .filter((r) => !r.isStaff && !/^\/api\/(auth|intern)\b/.test(r.pattern))
  .map((r) => ({ ...r, file: r.pattern === '/bahasa' ? join(ROOT, 'app/bahasa/route.ts') : routeFile(r.pattern, r.kind) }))
  .filter((r) => existsSync(r.file));

describe('every public route reads reports only through the public projection', () => {
  it('finds the public routes', () => {
    expect(publicRoutes.map((r) => r.pattern)).toEqual(expect.arrayContaining(['/laporan/[nomor]', '/api/peta', '/api/open311/v2/[...path]', '/api/foto/[id]']));
  });

  it.each(publicRoutes.map((r) => [r.pattern, r.file] as const))('%s', (_pattern, file) => {
    const offenders = [...closure(file)]
      .map((f) => relative(ROOT, f))
      .filter((f) => !f.includes('.test.') && !(f in ALLOWED))
      .map((f) => [f, rawAccess(join(ROOT, f))] as const)
      .filter(([, access]) => access !== null)
      .map(([f, access]) => `${f}: ${access}`);
    expect(offenders).toEqual([]);
  });

  it('recognises a module that reads the stored tables, and every allowed module exists', () => {
    expect(rawAccess(join(ROOT, 'lib/staff/perform-action.ts'))).toMatch(/imports (reports|reportEvents|attachments)/);
    expect(rawAccess(join(ROOT, 'lib/sla/escalate.ts'))).not.toBeNull();
    expect(rawAccess(join(ROOT, 'db/queries/public/ticket.ts'))).toBeNull();
    for (const file of Object.keys(ALLOWED)) expect(existsSync(join(ROOT, file)), file).toBe(true);
  });
});
