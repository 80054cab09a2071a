import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Started {
  name: string;
  child: ChildProcess;
  /** Everything it printed, for the report when a check fails. */
  output: string[];
}

const running = new Set<Started>();

/** Starts a process of the topology; its output is kept and shown with a prefix. */
export function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, quiet = true): Started {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const started: Started = { name, child, output: [] };
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      started.output.push(line);
      if (!quiet) console.log(`[${name}] ${line}`);
    }
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  running.add(started);
  child.on('exit', () => running.delete(started));
  return started;
}

/** Stops what is still running (SIGTERM, then SIGKILL after 5 s). */
export async function stopAll(): Promise<void> {
  await Promise.all(
    [...running].map(
      (p) =>
        new Promise<void>((done) => {
          if (p.child.exitCode !== null) return done();
          const force = setTimeout(() => p.child.kill('SIGKILL'), 5_000);
          p.child.once('exit', () => {
            clearTimeout(force);
            done();
          });
          p.child.kill('SIGTERM');
        }),
    ),
  );
}

/** Kills a process the hard way, as a crashed machine would: nothing of it gets to clean up. */
export function crash(p: Started): Promise<void> {
  return new Promise((done) => {
    if (p.child.exitCode !== null || p.child.signalCode !== null) return done();
    p.child.once('exit', () => done());
    p.child.kill('SIGKILL');
  });
}

export async function waitUntil<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Waits for an app instance to answer its health check. */
export async function waitForHealth(p: Started, base: string, timeoutMs = 90_000): Promise<void> {
  await waitUntil(
    `${p.name} at ${base}`,
    async () => {
      if (p.child.exitCode !== null) throw new Error(`${p.name} exited:\n${p.output.slice(-20).join('\n')}`);
      const answer = await fetch(`${base}/api/health`);
      return answer.ok;
    },
    timeoutMs,
    250,
  ).catch((error) => {
    if (p.child.exitCode !== null) throw new Error(`${p.name} exited:\n${p.output.slice(-30).join('\n')}`);
    throw error;
  });
}

/**
 * Removes the pages an earlier run cached on disk (`.next/server/route-cache`): they were
 * rendered from another database (the browser tests', an earlier check's), where the same ticket
 * numbers are other tickets. A check on a fresh database must start with none.
 */
export function dropPageCache(): void {
  rmSync(resolve('.next/server/route-cache'), { recursive: true, force: true });
}

/**
 * Makes sure a production build that has this code exists: reuses `.next` when it has the
 * internal change route, otherwise builds once under the shared build lock (flock, when present).
 */
export function ensureBuild(env: NodeJS.ProcessEnv, force: boolean): void {
  const marker = resolve('.next/server/app/api/intern/segarkan');
  if (!force && existsSync(resolve('.next/BUILD_ID')) && existsSync(marker)) {
    console.log('== reusing the production build in .next');
    dropPageCache();
    return;
  }
  console.log('== building the app (next build)');
  const next = resolve('node_modules/.bin/next');
  const hasFlock = spawnSync('flock', ['--version']).status === 0;
  const [command, args] = hasFlock ? ['flock', ['/tmp/aduan-build.lock', next, 'build']] : [next, ['build']];
  const build = spawnSync(command, args as string[], { stdio: 'inherit', env });
  if (build.status !== 0) throw new Error('next build failed');
}
