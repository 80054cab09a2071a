const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// Indonesian phone numbers: 08…, +62…, 62…, with optional spaces or dashes between digit groups.
const PHONE = /(?:\+?62|\b0)(?:[\s-]?\d){8,13}\b/g;

/** Hides phone numbers and e-mail addresses that a citizen typed into public text. */
export function maskContacts(text: string): string {
  return text.replace(EMAIL, '[email disembunyikan]').replace(PHONE, '[nomor disembunyikan]');
}

/** Rounds a private report's position to about 100 m, so a home address cannot be read off the map. */
export function approximate(value: number): number {
  return Math.round(value * 1000) / 1000;
}
