/**
 * Errors as written to the server log, without the personal data they may carry: a failed
 * query's message lists its parameters (a reporter's name, phone or e-mail among them), and
 * driver or mail errors can quote a recipient. The query text and the stack are kept; the
 * parameters are dropped, and personal data (NIK/KK, phone numbers, e-mail addresses, bank
 * accounts) is masked by the same rules as public text.
 */
import { maskPersonalData } from '@/lib/privacy/mask-pii';

const MAX_DEPTH = 4;

export function redactText(text: string): string {
  return maskPersonalData(text);
}

export function describeError(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return redactText(typeof error === 'string' ? error : safeJson(error));
  // Drizzle: "Failed query: <sql>\nparams: <values>"
  const message = error.message.replace(/\nparams:[\s\S]*$/, '\nparams: [disembunyikan]');
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).join('\n');
  const code = (error as { code?: unknown }).code;
  let text = `${error.name}${typeof code === 'string' ? ` (${code})` : ''}: ${redactText(message)}${frames ? `\n${frames}` : ''}`;
  if (error.cause !== undefined && depth < MAX_DEPTH) text += `\n[cause] ${describeError(error.cause, depth + 1)}`;
  return text;
}

/** console.error for unexpected failures, through describeError. */
export function logError(where: string, error: unknown): void {
  console.error(`${where} ${describeError(error)}`);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
