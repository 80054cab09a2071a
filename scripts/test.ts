import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

// npm test: unit + integration (Vitest), then browser journeys (Playwright).
// With DATABASE_URL set, integration and e2e run against that PostgreSQL server instead of PGlite.
// E2E_ONLY="citizen staff" runs only those browser spec files (e2e/<name>.spec.ts).
const target = process.env.DATABASE_URL ? `PostgreSQL (${new URL(process.env.DATABASE_URL).host})` : 'PGlite';
console.log(`\n== Unit and integration tests on ${target}\n`);
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;

const only = (process.env.E2E_ONLY ?? '').split(/[\s,]+/).filter(Boolean);
const missing = only.filter((name) => !existsSync(join('e2e', `${name}.spec.ts`)));
if (missing.length) {
  console.error(`\nE2E_ONLY names spec files that do not exist: ${missing.map((m) => `e2e/${m}.spec.ts`).join(', ')}\n`);
  process.exit(1);
}

if (run('node_modules/.bin/vitest', ['run']) !== 0) process.exit(1);

const hasSystemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].some((p) => existsSync(p));
const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
const hasPlaywrightChromium = existsSync(cache) && readdirSync(cache).some((d) => d.startsWith('chromium'));
if (!hasSystemChromium && !hasPlaywrightChromium) {
  console.error(
    '\nBrowser tests need Chromium, which is missing. Install one of:\n' +
      '  sudo apt-get install -y chromium      (Debian/Ubuntu; used from /usr/bin/chromium)\n' +
      '  npx playwright install chromium       (Playwright\'s own build)\n',
  );
  process.exit(1);
}
console.log(`\n== Browser tests (Playwright, Chromium) on ${target}${only.length ? `: ${only.join(', ')}` : ''}\n`);
process.exit(run('node_modules/.bin/playwright', ['test', ...only.map((name) => `e2e/${name}.spec.ts`)]));
