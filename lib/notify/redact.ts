/**
 * Secrets in outgoing messages. A report's private tracking link (`/lacak/<number>?kunci=<key>`)
 * opens the reporter's own view of a ticket — for a confidential report, the whistleblower's — and
 * alert e-mails carry `/ikuti/…?kunci=<token>` links that manage a subscription. Both keys are
 * needed only until the message is delivered: staff screens never show them, and the outbox
 * drops them once a message is sent or given up.
 */

/** What a removed key reads as. */
export const REDACTED_KEY = '…';

// the value of a `kunci` query parameter: base64url as issued, or percent-encoded if a client
// re-encoded it; it stops at the next parameter, fragment, space or punctuation after the link
const KEY_PARAM = /([?&]kunci=)(?:[A-Za-z0-9_-]|%[0-9A-Fa-f]{2})+/gi;

/** The text with the value of every `kunci=` link parameter replaced by "…". Pure. */
export function redactKeys(text: string): string;
export function redactKeys(text: string | null): string | null;
export function redactKeys(text: string | null): string | null {
  return text === null ? null : text.replace(KEY_PARAM, `$1${REDACTED_KEY}`);
}
