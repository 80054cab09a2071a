import type { CategoryDef } from './categories';
import { labelKey, labelWords, squash } from './label';

/**
 * Category names as archives write them: any case and spacing ("Parkir liar",
 * "Gangguan dan Kebisingan  "), with or without the part in brackets ("… (PPSU)" or just "PPSU"),
 * and the older names each category keeps as aliases.
 */

export interface CategoryEntry {
  code: string;
  nameId: string;
  nameEn: string;
}

const key = (name: string) => squash(labelWords(name, {}));

/** A name and its variants: without a part in brackets, and the part in brackets alone. */
export function nameVariants(name: string): string[] {
  const out = [name];
  const paren = /^(.*?)\s*\(([^)]*)\)\s*(.*)$/.exec(name);
  if (paren) out.push(`${paren[1]} ${paren[3]}`, paren[2]);
  return [...new Set(out.map(key).filter(Boolean))];
}

/**
 * `rows`: the categories in the database (their names as admins keep them); `defs`: the reference
 * list with aliases; `aliases`: labels mapped by an admin (labelKey → category code).
 */
export function createCategoryMatcher(
  rows: readonly CategoryEntry[],
  defs: readonly CategoryDef[],
  aliases: ReadonlyMap<string, string> = new Map(),
): (label: string) => string | null {
  const known = new Set(rows.map((r) => r.code));
  const index = new Map<string, string>();
  const add = (name: string, code: string) => {
    for (const v of nameVariants(name)) if (!index.has(v)) index.set(v, code);
  };
  // full names before aliases and bracket parts, so an alias never takes another category's name
  for (const r of rows) for (const name of [r.nameId, r.nameEn]) add(name, r.code);
  for (const d of defs) if (known.has(d.code)) for (const name of [d.nameId, d.nameEn]) add(name, d.code);
  for (const d of defs) if (known.has(d.code)) for (const name of [d.code, ...(d.aliases ?? [])]) add(name, d.code);
  return (label) => {
    const mapped = aliases.get(labelKey(label));
    if (mapped && known.has(mapped)) return mapped;
    for (const v of nameVariants(label)) {
      const code = index.get(v);
      if (code) return code;
    }
    return null;
  };
}
