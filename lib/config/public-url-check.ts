import { configuredPublicUrls, isDemoOrDevelopment, PUBLIC_URL_VARIABLE, publicUrl, publicUrlProblem } from './public-url';

/**
 * Run once when a server or worker process starts: exits with a message naming ADUAN_PUBLIC_URL
 * when production has no (valid) public address, and warns in the demo that links follow each
 * request's host and background messages use the local address.
 */
export function checkPublicUrlAtStart(processName: string, env: Record<string, string | undefined> = process.env): void {
  const problem = publicUrlProblem(env);
  if (problem) {
    console.error(`[aduan] the ${processName} cannot start: ${problem}`);
    process.exit(1);
  }
  if (configuredPublicUrls(env).length === 0 && env.NODE_ENV === 'production' && isDemoOrDevelopment(env)) {
    console.warn(
      `[aduan] ${PUBLIC_URL_VARIABLE} is not set (demo): links take the address of each request; messages sent in the ` +
        `background (alerts) link to ${publicUrl(env)}. Set ${PUBLIC_URL_VARIABLE} to the address people use.`,
    );
  }
}
