export interface LoopOptions {
  /** Pause between runs when the last run left no backlog. */
  intervalMs: number;
  /** Called when a run throws (e.g. the database is unreachable); the loop keeps going. */
  onError: (error: unknown) => void;
}

/**
 * Runs `run` until stopped. A run that reports a backlog is followed at once by the next, so a
 * queue drains quickly; otherwise the loop sleeps. The returned function stops the loop and
 * resolves once the run in progress has finished (so the database can be closed); its `wake`
 * starts the next run now (or right after the one in progress) instead of after the pause.
 */
export function startLoop(run: () => Promise<boolean>, { intervalMs, onError }: LoopOptions): (() => Promise<void>) & { wake: () => void } {
  let isStopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  let isWoken = false;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });

  const loop = async () => {
    while (!isStopped) {
      let isBacklog = false;
      isWoken = false;
      try {
        isBacklog = await run();
      } catch (error) {
        onError(error);
      }
      if (!isBacklog && !isStopped && !isWoken) await sleep(intervalMs);
    }
  };
  const running = loop();

  const stop = async () => {
    isStopped = true;
    clearTimeout(timer);
    wake?.();
    await running;
  };
  return Object.assign(stop, {
    wake: () => {
      isWoken = true;
      wake?.();
    },
  });
}
