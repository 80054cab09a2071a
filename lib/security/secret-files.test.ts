import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Secrets live in .env files (compose.yaml reads .env beside it), .data/secret, backups and keys:
// none may be committed, and none may enter the Docker build context, from which Next.js would
// copy .env and .env.production into the image.
const SECRET_PATHS = ['.env', '.env.production', '.env.local', '.env.production.local', 'deploy/.env', '.data/secret', 'backups/aduan-20260310/database.dump', 'certs/portal.key', 'certs/portal.pem'];
const NEEDED_IN_IMAGE = ['package.json', 'package-lock.json', 'next.config.ts', 'app/bahasa/route.ts', 'drizzle/0000_init.sql', 'data/jakarta/kelurahan.geojson', 'messages/id.json', 'lib/security/secret.ts'];

/** Docker's matching (moby/patternmatcher): `**` any folders, `*` within one name; a folder's pattern covers what it holds; the last match decides. */
function dockerPattern(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function dockerIgnores(path: string): boolean {
  const patterns = readFileSync('.dockerignore', 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.replace(/^\//, '').replace(/\/$/, ''));
  const parts = path.split('/');
  const selfAndFolders = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const p of patterns) {
    const except = p.startsWith('!');
    const re = dockerPattern(except ? p.slice(1) : p);
    if (selfAndFolders.some((s) => re.test(s))) ignored = !except;
  }
  return ignored;
}

function gitIgnores(path: string): boolean {
  try {
    execFileSync('git', ['check-ignore', '--no-index', '-q', path]);
    return true;
  } catch {
    return false;
  }
}

describe('secret files', () => {
  it.each(SECRET_PATHS)('%s is neither committed nor sent to a Docker build', (path) => {
    expect(gitIgnores(path)).toBe(true);
    expect(dockerIgnores(path)).toBe(true);
  });

  it('.env.example stays tracked', () => {
    expect(gitIgnores('.env.example')).toBe(false);
    expect(execFileSync('git', ['ls-files', '.env.example'], { encoding: 'utf8' }).trim()).toBe('.env.example');
  });

  it.each(NEEDED_IN_IMAGE)('%s still reaches the build', (path) => {
    expect(dockerIgnores(path)).toBe(false);
  });

  it('the matcher is Docker’s: a root-only pattern misses a subfolder, ** reaches it', () => {
    expect(dockerPattern('.env*').test('deploy/.env')).toBe(false);
    expect(dockerPattern('**/.env*').test('deploy/.env')).toBe(true);
    expect(dockerPattern('**/.env*').test('.env')).toBe(true);
  });
});
