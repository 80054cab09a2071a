import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

export interface PageWeight {
  path: string;
  /** JavaScript as sent over the wire (gzip), everything the page loads until the network is idle. */
  jsGzipKb: number;
  jsFiles: number;
  /** The HTML document as sent over the wire. */
  htmlGzipKb: number;
}

const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/** Loads pages in a real browser on a phone-sized screen and adds up what they download. */
export async function measurePages(base: string, paths: string[]): Promise<PageWeight[]> {
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: systemChromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const out: PageWeight[] = [];
    for (const path of paths) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, extraHTTPHeaders: { 'Accept-Encoding': 'gzip' } });
      const page = await context.newPage();
      const sizes: Promise<{ js: boolean; html: boolean; bytes: number }>[] = [];
      // Only scripts and the document count. A request that finishes after its page closed (map
      // tiles fail slowly where they cannot be reached) is ignored, never an unhandled failure.
      page.on('requestfinished', (request) => {
        const type = request.resourceType();
        if (type !== 'script' && type !== 'document') return;
        sizes.push(
          request
            .sizes()
            .then((s) => ({ js: type === 'script', html: type === 'document', bytes: s.responseBodySize }))
            .catch(() => ({ js: false, html: false, bytes: 0 })),
        );
      });
      const settle = () => page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
      await page.goto(`${base}${path}`, { waitUntil: 'load' });
      await settle();
      // Leaflet loads after hydration: count it on pages that show a map.
      if (await page.locator('[data-testid="report-map"], .leaflet-container').count()) {
        await page.locator('.leaflet-container').first().waitFor({ timeout: 15_000 });
        await settle();
      }
      const done = await Promise.all(sizes);
      const js = done.filter((d) => d.js);
      out.push({
        path,
        jsGzipKb: js.reduce((a, d) => a + d.bytes, 0) / 1024,
        jsFiles: js.length,
        htmlGzipKb: done.filter((d) => d.html).reduce((a, d) => a + d.bytes, 0) / 1024,
      });
      await context.close();
    }
    return out;
  } finally {
    await browser?.close();
  }
}
