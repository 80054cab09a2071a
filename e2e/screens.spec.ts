import { test } from '@playwright/test';
import { fixtureNumbers } from './fixture';

// Screenshots to look at, not to compare: written to test-results/screens/.
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1366, height: 768 },
];

for (const viewport of VIEWPORTS) {
  test(`screenshots at ${viewport.name} width`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const pages = {
      home: '/',
      list: '/laporan',
      report: `/laporan/${fixtureNumbers().publicReport}`,
      region: '/wilayah/31.71.01',
    };
    for (const [name, path] of Object.entries(pages)) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `test-results/screens/${name}-${viewport.name}.png`, fullPage: true });
    }
  });
}
