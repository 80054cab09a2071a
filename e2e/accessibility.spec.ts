import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fixtureNumbers } from './fixture';
import { signIn } from './forms';

/** Serious or critical WCAG 2.1 A/AA violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

for (const [name, path] of [
  ['home', '/'],
  ['list', '/laporan?kategori=jalan'],
  ['report', 'REPORT'],
  ['region', '/wilayah/31.71.01'],
  ['tracker', '/lacak?nomor=salah'],
  ['dashboard', '/dasbor'],
  ['channels', '/kanal'],
  ['survey', '/skm/kel-31.71.01.1001'],
  ['survey results', '/skm'],
  ['history', 'HISTORY'],
  ['report form', '/lapor'],
  ['report form in English', '/en/lapor'],
  ['offline', '/luring'],
] as const) {
  test(`${name} page has no serious or critical accessibility violations`, async ({ page }) => {
    const report = `/laporan/${fixtureNumbers().publicReport}`;
    await page.goto(path === 'REPORT' ? report : path === 'HISTORY' ? `${report}/riwayat` : path);
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('field mode on a phone has no serious or critical accessibility violations', async ({ browser }) => {
  const page = await signIn(browser, 'lurah.gambir@aduan.test', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.goto('/petugas/lapangan');
  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page)).toEqual([]);
  await page.context().close();
});
