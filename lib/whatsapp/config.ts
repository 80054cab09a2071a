/**
 * The WhatsApp Cloud API settings (docs/KANAL.md). The webhook needs the app secret (to check
 * `X-Hub-Signature-256`) and the verify token (the subscription handshake); sending needs the
 * phone number id and an access token. Without them the channel answers 503 and sends nothing.
 */
export interface WhatsAppConfig {
  phoneNumberId: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  /** Graph API base, version included; a test points it at its stand-in. */
  graphUrl: string;
  /** The approved template for a status change outside the 24-hour window, and its language code. */
  templateStatus: string;
  templateLanguage: string;
  /** Reports one sender may file per hour. */
  reportsPerHour: number;
  /** Minutes of silence after which a report being filed is dropped. */
  idleMinutes: number;
}

export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com/v21.0';
const DEFAULT_TEMPLATE = 'aduan_status';

type Env = Record<string, string | undefined>;

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** The settings, or null when any of the four required ones is missing. */
export function whatsAppConfig(env: Env = process.env): WhatsAppConfig | null {
  const get = (name: string) => env[name]?.trim() || '';
  const config = {
    phoneNumberId: get('ADUAN_WA_PHONE_NUMBER_ID'),
    accessToken: get('ADUAN_WA_ACCESS_TOKEN'),
    appSecret: get('ADUAN_WA_APP_SECRET'),
    verifyToken: get('ADUAN_WA_VERIFY_TOKEN'),
    graphUrl: (get('ADUAN_WA_GRAPH_URL') || DEFAULT_GRAPH_URL).replace(/\/+$/, ''),
    templateStatus: get('ADUAN_WA_TEMPLATE_STATUS') || DEFAULT_TEMPLATE,
    templateLanguage: get('ADUAN_WA_TEMPLATE_LANGUAGE') || 'id',
    reportsPerHour: positive(env.ADUAN_WA_REPORTS_PER_HOUR, 5),
    idleMinutes: positive(env.ADUAN_WA_IDLE_MINUTES, 30),
  };
  return config.phoneNumberId && config.accessToken && config.appSecret && config.verifyToken ? config : null;
}
