import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { statusLabel } from '@/lib/i18n';
import { DEMO_PASSWORD } from '@/lib/reference/demo-users';
import { tailOf, type RunningProxy } from '../proxy/nginx';

type Check = (name: string, run: () => Promise<string>) => Promise<void>;

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

interface ProxyCheckContext {
  check: Check;
  proxy: RunningProxy;
  /** App instance A, reached directly: how fast the app itself follows a change. */
  A: string;
  /** App instance B, through which the change is made. */
  B: string;
  browser: () => Promise<Browser>;
  boundMs: number;
}

/** The longest a "1s" copy lives in nginx, which counts whole seconds. */
const COPY_LIFE_MS = 2_000;
const get = (url: string, cookie?: string) => fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });

/** Signs a demo official in through `base`, in a browser context of its own; returns the queue page. */
async function signIn(browser: Browser, base: string, email: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: base, locale: 'id-ID', ...options })).newPage();
  await page.goto('/masuk');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(/\/petugas$/);
  return page;
}

/**
 * The caching proxy (deploy/nginx.conf) in front of both instances, checked as users would notice:
 * nobody is ever served another's private page, a change shows through it about as fast as between
 * the instances, each language gets its own copy, and public pages do come from the cache.
 */
export async function checkProxy({ check, proxy, A, B, browser, boundMs }: ProxyCheckContext): Promise<void> {
  const P = proxy.url;
  const withLog = async (run: () => Promise<string>) => {
    try {
      return await run();
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nproxy access log:\n${tailOf(proxy.accessLogFile, 12)}`);
    }
  };

  // ---------------------------------------------------------------- a reporter's private page
  let number = '';
  const secret = `Uji proksi ${randomBytes(4).toString('hex')}: pipa air bocor di belakang rumah nomor 12.`;
  await check('through the proxy, a reporter\'s private link shows the report; the same ticket anonymously right after does not', () =>
    withLog(async () => {
      const citizen = await (await (await browser()).newContext({ baseURL: P, locale: 'id-ID' })).newPage();
      await citizen.goto('/lapor');
      await citizen.getByRole('combobox', { name: 'Kategori' }).selectOption('jalan');
      await citizen.getByLabel('Uraian masalah').fill(secret);
      await citizen.getByText('Tanpa peta: pilih kota, kecamatan dan kelurahan').click();
      await citizen.getByRole('combobox', { name: 'Kota' }).selectOption({ label: 'Jakarta Pusat' });
      await citizen.getByRole('combobox', { name: 'Kecamatan' }).selectOption({ label: 'Gambir' });
      await citizen.getByRole('combobox', { name: 'Kelurahan' }).selectOption({ label: 'Gambir' });
      await citizen.getByLabel('Alamat / patokan').fill('Jl. Tanah Abang II');
      await citizen.getByRole('button', { name: 'Kirim laporan' }).click();
      number = (await citizen.getByTestId('ticket-number').textContent())!.trim();
      const link = new URL((await citizen.getByTestId('tracking-link').textContent())!.trim());
      expect(link.searchParams.get('kunci'), `the receipt of ${number} has no private link`);
      const opened = await citizen.goto(`${link.pathname}${link.search}`);
      expect((await citizen.content()).includes(secret), `the private link of ${number} through the proxy does not show the report`);
      expect(!['HIT', 'STALE', 'UPDATING'].includes(opened?.headers()['x-cache'] ?? ''), `the private link was served from the cache (${opened?.headers()['x-cache']})`);
      // anyone else, right after: the public page (twice, the second from the cache) and the link without its key
      const anonymous = await (await (await browser()).newContext({ baseURL: P, locale: 'id-ID' })).newPage();
      for (const path of [`/laporan/${number}`, `/laporan/${number}`, `/lacak/${number}`, `/lacak/${number}?kunci=`]) {
        await anonymous.goto(path);
        expect(!(await anonymous.content()).includes(secret), `an anonymous visitor of ${path} through the proxy sees the private report`);
      }
      const cached = await get(`${P}/laporan/${number}`);
      expect(!(await cached.text()).includes(secret), `the cached public page of ${number} holds the private report (${cached.headers.get('x-cache')})`);
      await citizen.context().close();
      await anonymous.context().close();
      return `${number} filed through the proxy; its private link shows the report, the public page (X-Cache ${cached.headers.get('x-cache')}) and the bare link do not`;
    }),
  );

  // ---------------------------------------------------------------- two officials, one anonymous
  await check('through the proxy, two officials each see only their own queue and name; an anonymous visitor is sent to sign in', () =>
    withLog(async () => {
      expect(number, 'no report was filed through the proxy');
      const b = await browser();
      const gambir = await signIn(b, P, 'lurah.gambir@aduan.test');
      const menteng = await signIn(b, P, 'lurah.menteng@aduan.test');
      // the same address, one right after the other: a shared copy would show Gambir's queue to Menteng
      const queue = `/petugas?q=${number}`;
      const lists: Record<string, boolean> = {};
      for (const [who, page] of [['Lurah Gambir', gambir], ['Lurah Menteng', menteng], ['Lurah Gambir', gambir]] as const) {
        await page.goto(queue);
        await page.getByTestId('staff-name').waitFor();
        const name = (await page.getByTestId('staff-name').textContent())?.trim() ?? '';
        expect(name === who, `${who} sees "${name}" on ${queue}`);
        lists[who] = (await page.content()).includes(`/petugas/laporan/${number}`);
      }
      expect(lists['Lurah Gambir'], `Lurah Gambir's queue does not list ${number} (filed in Kelurahan Gambir)`);
      expect(!lists['Lurah Menteng'], `Lurah Menteng's queue lists ${number} from Kelurahan Gambir`);
      // a signed-in official's public pages are neither taken from the cache nor put into it
      const publicPage = await gambir.request.get(`${P}/laporan/${number}`);
      expect(publicPage.headers()['x-cache'] === 'BYPASS', `an official's request for a public page was ${publicPage.headers()['x-cache']}, not BYPASS`);
      const anonymous = await (await b.newContext({ baseURL: P, locale: 'id-ID' })).newPage();
      await anonymous.goto(queue);
      expect(new URL(anonymous.url()).pathname === '/masuk', `an anonymous visitor of ${queue} ended at ${anonymous.url()}`);
      expect(!(await anonymous.content()).includes('Lurah Gambir'), 'the anonymous visitor sees an official\'s name');
      await anonymous.context().close();
      await menteng.context().close();
      await gambir.context().close();
      return `Gambir's queue lists ${number}, Menteng's does not; an official's public page is BYPASS; anonymous → /masuk`;
    }),
  );

  // ---------------------------------------------------------------- a change shows through the proxy
  await check(`a status change through B shows on the ticket page through the proxy within ${boundMs} ms plus one cached copy's life`, () =>
    withLog(async () => {
      expect(number, 'no report was filed through the proxy');
      const [waiting, inProgress] = [statusLabel('menunggu', 'id'), statusLabel('proses', 'id')];
      const lurah = await signIn(await browser(), B, 'lurah.gambir@aduan.test');
      await lurah.goto(`/petugas/laporan/${number}`);
      // Readers keep asking for the page through the proxy (and A directly) from before the change,
      // as on a busy day: the proxy always holds a fresh copy, whose life the change must wait out.
      const page = async (base: string) => (await get(`${base}/laporan/${number}`)).text();
      let t0 = 0;
      const watch = async (base: string) => {
        const until = Date.now() + boundMs + 15_000;
        while (Date.now() < until) {
          if ((await page(base)).includes(inProgress) && t0) return Date.now() - t0;
          await new Promise((r) => setTimeout(r, 50));
        }
        throw new Error(`${base} did not show "${inProgress}"`);
      };
      await page(P);
      const warm = await get(`${P}/laporan/${number}`);
      expect(warm.headers.get('x-cache') === 'HIT' && (await warm.text()).includes(waiting), `the ticket page through the proxy is not a cached "${waiting}" (${warm.headers.get('x-cache')})`);
      const watching = Promise.all([watch(A), watch(P)]);
      await lurah.getByTestId('action-terima').getByRole('button').click();
      await lurah.getByTestId('action-message').filter({ hasText: 'Tersimpan.' }).waitFor();
      t0 = Date.now();
      const [direct, proxied] = await watching;
      await lurah.context().close();
      // nginx counts a copy's life in whole seconds: "1s" keeps it one to two seconds, so the proxy
      // may lag the instances by up to two (plus a refresh and one reader's pause)
      expect(direct <= boundMs, `A followed after ${direct} ms`);
      expect(proxied <= direct + COPY_LIFE_MS + 250 && proxied <= boundMs + COPY_LIFE_MS, `the proxy followed after ${proxied} ms, A after ${direct} ms`);
      return `A directly after ${direct} ms, through the proxy after ${proxied} ms`;
    }),
  );

  // ---------------------------------------------------------------- languages, and the cache at work
  await check('the same public page through the proxy comes in Indonesian, then English, then Indonesian again', () =>
    withLog(async () => {
      expect(number, 'no report was filed through the proxy');
      const path = `${P}/laporan/${number}`;
      const seen: string[] = [];
      for (const [language, cookie] of [['id', undefined], ['en', 'bahasa=en'], ['en', 'bahasa=en'], ['id', 'bahasa=id'], ['id', undefined]] as const) {
        const answer = await get(path, cookie);
        const lang = /<html[^>]*\slang="(\w+)"/.exec(await answer.text())?.[1];
        seen.push(`${lang} ${answer.headers.get('x-cache')}`);
        expect(lang === language, `with ${cookie ?? 'no cookie'} the page came in "${lang}" (X-Cache ${answer.headers.get('x-cache')}); so far: ${seen.join(', ')}`);
      }
      return seen.join(', ');
    }),
  );

  await check('a second anonymous request for a public page is served from the proxy\'s cache', () =>
    withLog(async () => {
      const seen: string[] = [];
      for (const path of ['/laporan', '/', '/api/dasbor', number ? `/laporan/${number}` : '/dasbor']) {
        await get(`${P}${path}`);
        const again = await get(`${P}${path}`);
        seen.push(`${path} ${again.headers.get('x-cache')}`);
        expect(again.ok && again.headers.get('x-cache') === 'HIT', `the second request for ${path} was ${again.status} ${again.headers.get('x-cache')}`);
      }
      return seen.join(', ');
    }),
  );
}
