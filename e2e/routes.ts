import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A route of the app as its files declare it, e.g. `/laporan/[nomor]` or `/api/foto/[id]`. */
export interface AppRoute {
  /** the URL pattern, with [param] and [...param] segments as in the file system */
  pattern: string;
  kind: 'page' | 'api';
  /** HTTP methods a route handler exports (pages: GET) */
  methods: string[];
  /** under /petugas or /api/petugas: for signed-in officials only */
  isStaff: boolean;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const METHOD = /export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b|export\s+const\s+\{([^}]+)\}/g;

/**
 * Every page and route handler under app/, read from the file system, so that a test iterating
 * over them covers a route added tomorrow without being told. The locale segment and route
 * groups are dropped (the public address has neither).
 */
export function appRoutes(root = 'app'): AppRoute[] {
  const routes: AppRoute[] = [];
  for (const file of walk(root)) {
    const name = file.split(sep).at(-1)!;
    if (name !== 'page.tsx' && name !== 'route.ts') continue;
    const segments = relative(root, file)
      .split(sep)
      .slice(0, -1)
      .filter((s) => s !== '[locale]' && !/^\(.*\)$/.test(s));
    const pattern = `/${segments.join('/')}`;
    let methods = ['GET'];
    if (name === 'route.ts') {
      methods = [];
      for (const match of readFileSync(file, 'utf8').matchAll(METHOD)) {
        if (match[1]) methods.push(match[1]);
        else methods.push(...match[2].split(',').map((m) => m.trim()).filter((m) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(m)));
      }
    }
    routes.push({
      pattern,
      kind: name === 'page.tsx' ? 'page' : 'api',
      methods,
      isStaff: /^\/(api\/)?petugas(\/|$)/.test(pattern),
    });
  }
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}
