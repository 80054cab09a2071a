import { startHttpReceiver, startSmtpReceiver } from '@/lib/testing/receivers';

/**
 * For the demo and the browser tests: a real SMTP server and a real HTTP SMS gateway on
 * this machine, so the outbox worker delivers notifications end to end. Only used when no
 * SMTP server or gateway is configured.
 */
export async function startLocalMailbox(env: NodeJS.ProcessEnv): Promise<void> {
  if (!env.ADUAN_SMTP_URL) env.ADUAN_SMTP_URL = (await startSmtpReceiver()).url;
  if (!env.ADUAN_SMS_GATEWAY_URL) env.ADUAN_SMS_GATEWAY_URL = (await startHttpReceiver()).url;
}
