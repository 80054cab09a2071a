import { mkdirSync, writeFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from '@playwright/test';
import { parseArgs } from './args';

/*
 * `npm run lighthouse -- --url http://localhost:3000 [--out file.json]`: Lighthouse's
 * accessibility, best-practices, SEO and performance categories on the citizen pages at phone
 * size, and the app's installability as Chrome itself judges it (Page.getInstallabilityErrors and
 * the manifest's parse errors: what Lighthouse's PWA category checked before Lighthouse 12
 * removed it). Prints a table; exits 1 when a page is not installable or an accessibility audit
 * fails. Against a running portal (`npm run demo`), with Debian's Chromium where present.
 */

const args = parseArgs(process.argv.slice(2));
const base = (args.get('url') ?? 'http://localhost:3000').replace(/\/$/, '');
const PAGES = (args.get('pages') ?? '/,/lapor,/lacak,/laporan,/dasbor,/luring,/en/lapor').split(',');
const CATEGORIES = ['accessibility', 'best-practices', 'seo', 'performance'] as const;
const chromePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? chromium.executablePath();

const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

interface PageResult {
  path: string;
  scores: Record<string, number | null>;
  failedAccessibility: string[];
  installable?: { errors: string[]; manifestErrors: string[] };
}

const results: PageResult[] = [];
let failed = false;
try {
  for (const path of PAGES) {
    const run = await lighthouse(`${base}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!run) throw new Error(`no result for ${path}`);
    const { categories, audits } = run.lhr;
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, categories[c]?.score == null ? null : Math.round(categories[c].score! * 100)]));
    const failedAccessibility = (categories.accessibility?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && audits[ref.id]?.score === 0)
      .map((ref) => `${ref.id}: ${audits[ref.id].title}`);
    if (failedAccessibility.length > 0) failed = true;
    results.push({ path, scores, failedAccessibility });
  }

  // Installability, judged by Chrome in a normal (not incognito) profile once the worker runs.
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  const page = await browser.contexts()[0].newPage();
  for (const path of ['/', '/lapor', '/lacak']) {
    await page.goto(`${base}${path}`, { waitUntil: 'load' });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    const { errors } = (await cdp.send('Page.getAppManifest')) as { errors: { message: string; critical: number }[] };
    const result = { errors: installabilityErrors.map((e) => e.errorId), manifestErrors: errors.map((e) => e.message) };
    if (result.errors.length > 0 || errors.some((e) => e.critical)) failed = true;
    const row = results.find((r) => r.path === path);
    if (row) row.installable = result;
    else results.push({ path, scores: {}, failedAccessibility: [], installable: result });
    await cdp.detach();
  }
  await browser.close().catch(() => {});
} finally {
  chrome.kill();
}

console.log(`| page | ${CATEGORIES.join(' | ')} | installable |`);
console.log(`| --- | ${CATEGORIES.map(() => '---').join(' | ')} | --- |`);
for (const r of results) {
  const installable = r.installable ? (r.installable.errors.length === 0 ? 'yes' : r.installable.errors.join(', ')) : '';
  console.log(`| ${r.path} | ${CATEGORIES.map((c) => r.scores[c] ?? '').join(' | ')} | ${installable} |`);
}
for (const r of results) for (const a of r.failedAccessibility) console.log(`accessibility ${r.path}: ${a}`);
for (const r of results) for (const m of r.installable?.manifestErrors ?? []) console.log(`manifest ${r.path}: ${m}`);
const out = args.get('out');
if (out) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), base, results }, null, 2));
}
process.exit(failed ? 1 : 0);
