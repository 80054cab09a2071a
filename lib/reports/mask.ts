import { maskPersonalData } from '@/lib/privacy/mask-pii';

/**
 * Hides personal data that a citizen typed into public text: phone numbers and e-mail addresses,
 * and also NIK/KK and bank account numbers (see maskPersonalData).
 */
export function maskContacts(text: string): string {
  return maskPersonalData(text);
}

/** Rounds a private report's position to about 100 m, so a home address cannot be read off the map. */
export function approximate(value: number): number {
  return Math.round(value * 1000) / 1000;
}
