import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { renderMainConfig, renderProxyConfig } from './nginx-config';

export interface ProxyOptions {
  /** Loopback port to listen on. */
  port: number;
  /** The app instances behind it, as `http://127.0.0.1:3400` or `127.0.0.1:3400`. */
  upstreams: string[];
  /** Where the micro-cache keeps its files (default: inside the proxy's own temporary prefix). */
  cacheDir?: string;
  /** nginx worker processes (default 1: on a small machine the app needs the other cores). */
  workers?: number;
  /** Write an access log with each request's cache status (default true; off for a benchmark). */
  accessLog?: boolean;
}

export interface RunningProxy {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** nginx's error log. */
  logFile: string;
  /** One line per request with `cache=HIT|MISS|BYPASS|…` (empty when accessLog is false). */
  accessLogFile: string;
  pid: number;
  /** Stops nginx and removes its files; safe to call more than once. */
  stop(): Promise<void>;
}

const SITE_CONFIG = resolve(import.meta.dirname, '../../deploy/nginx.conf');

/** The nginx binary: ADUAN_NGINX, then the usual places, then PATH; null when there is none. */
export function findNginx(): string | null {
  const path = (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, 'nginx'));
  const candidates = [process.env.ADUAN_NGINX, '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx', ...path];
  return (
    candidates.find((p): p is string => {
      if (!p) return false;
      try {
        accessSync(p, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    }) ?? null
  );
}

// Every nginx started here is killed when this process ends, however it ends.
const running = new Map<number, () => void>();
let handlersInstalled = false;
function killAllNow() {
  for (const kill of running.values()) kill();
}
function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      killAllNow();
      // alone, a handler would keep the process alive: end it as the signal would have
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

/**
 * Starts nginx with deploy/nginx.conf (its cache rules as in production) in front of `upstreams`,
 * waits until it answers and returns how to reach and stop it. nginx runs in a process group of
 * its own, watched from outside: it is killed on stop(), when this process exits or is signalled,
 * and by a watchdog when this process dies without a chance to clean up (SIGKILL).
 */
export async function startProxy({ port, upstreams, cacheDir, workers = 1, accessLog = true }: ProxyOptions): Promise<RunningProxy> {
  const nginx = findNginx();
  if (!nginx) {
    throw new Error('nginx is not installed: the caching proxy needs it (Debian: apt-get install -y nginx; or set ADUAN_NGINX to its path)');
  }
  const prefix = mkdtempSync(join(tmpdir(), 'aduan-nginx-'));
  // nginx started as root runs its workers as nobody, who must reach the cache and temp files
  chmodSync(prefix, 0o755);
  const cache = cacheDir ?? join(prefix, 'cache');
  mkdirSync(cache, { recursive: true });
  const siteFile = join(prefix, 'aduan.conf');
  const mainFile = join(prefix, 'nginx.conf');
  writeFileSync(siteFile, renderProxyConfig(readFileSync(SITE_CONFIG, 'utf8'), { port, upstreams, cacheDir: cache }));
  // Debian names nobody's group nogroup, other systems nobody
  const user = process.getuid?.() === 0 ? `nobody ${/^nogroup:/m.test(readFileSync('/etc/group', 'utf8')) ? 'nogroup' : 'nobody'}` : undefined;
  writeFileSync(mainFile, renderMainConfig(prefix, siteFile, { workers, user, accessLog }));

  const child: ChildProcess = spawn(nginx, ['-p', prefix, '-c', mainFile, '-e', 'stderr', '-g', 'daemon off;'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${nginx}`);
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    (stream as unknown as { unref?: () => void }).unref?.();
  }
  child.unref();
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  // The watchdog reads its stdin, a pipe from this process: end of file means we are gone.
  const watchdog = spawn('sh', ['-c', `read -r _; kill -TERM -${pid} 2>/dev/null; sleep 5; kill -KILL -${pid} 2>/dev/null`], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  watchdog.unref();
  (watchdog.stdin as unknown as { unref?: () => void }).unref?.();

  const killNow = () => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
    watchdog.kill('SIGKILL');
    rmSync(prefix, { recursive: true, force: true });
  };
  running.set(pid, killNow);
  installExitHandlers();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const force = setTimeout(() => killNow(), 5_000);
        try {
          process.kill(-pid, 'SIGTERM');
        } catch {
          // already gone
        }
        await exited;
        clearTimeout(force);
      }
      running.delete(pid);
      killNow();
    })());

  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`nginx exited at start (${child.exitCode ?? child.signalCode}):\n${output.join('').trim()}`);
    }
    const answered = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1_000) }).then(
      () => true,
      () => false,
    );
    if (answered) break;
    if (Date.now() > until) {
      await stop();
      throw new Error(`nginx did not answer on ${url} within 15 s:\n${output.join('').trim()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, logFile: join(prefix, 'error.log'), accessLogFile: accessLog ? join(prefix, 'access.log') : '', pid, stop };
}

/** The last lines of a log, for a failure message (empty when it is gone). */
export function tailOf(file: string, lines = 20): string {
  if (!file || !existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
