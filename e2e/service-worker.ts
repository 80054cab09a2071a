import { expect, type Page } from '@playwright/test';

const controlledBy = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);

/**
 * Waits until the service worker is active and controls the page. It claims open pages when it
 * activates, but a page can miss the claim (it was still loading); a page loaded while the worker
 * is active is always controlled, so the page is loaded once more then, as a next visit would be.
 * Call it right after a navigation, before anything is typed.
 */
export async function workerControls(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const claimed = await expect
    .poll(() => controlledBy(page), { timeout: 5_000 })
    .toMatch(/\/serwist\/sw\.js$/)
    .then(() => true, () => false);
  if (claimed) return;
  await page.reload();
  await expect.poll(() => controlledBy(page)).toMatch(/\/serwist\/sw\.js$/);
}
