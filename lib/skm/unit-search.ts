/** Lower case, without accents, punctuation as spaces: "Kel. Kebon Kelapa" and "kebon-kelapa" compare alike. */
const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The search box's text as kept in the URL: trimmed, at most 80 characters. */
export function parseUnitSearch(value: string | string[] | undefined): string {
  return [value ?? ''].flat()[0].trim().slice(0, 80);
}

/** Whether a unit matches the search: every word of it appears in the unit's name or code. */
export function matchesUnitSearch(unit: { name: string; code: string }, search: string): boolean {
  const words = fold(search).split(' ').filter(Boolean);
  if (!words.length) return true;
  const haystack = ` ${fold(unit.name)} ${fold(unit.code)} `;
  return words.every((w) => haystack.includes(w));
}
