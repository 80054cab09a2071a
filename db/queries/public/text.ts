import { maskContacts } from '@/lib/reports/mask';

/**
 * Every text the public projection hands out passes here: personal data a citizen or an official
 * typed (NIK/KK, phone numbers, e-mail addresses, bank accounts) is masked, also in text stored
 * before the masking rules last changed.
 */
export function publicText(text: string | null): string | null {
  return text === null ? null : maskContacts(text);
}
