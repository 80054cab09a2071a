import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { fixtureNumbers } from './fixture';

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
] as const) {
  test(`${name} page has no serious or critical accessibility violations`, async ({ page }) => {
    const report = `/laporan/${fixtureNumbers().publicReport}`;
    await page.goto(path === 'REPORT' ? report : path === 'HISTORY' ? `${report}/riwayat` : path);
    await page.waitForLoadState('networkidle');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
    expect(serious).toEqual([]);
  });
}
