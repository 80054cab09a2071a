/**
 * PostgreSQL text cannot hold the NUL character: a query carrying one fails outright. Input from
 * outside (forms, webhooks, Open311, CSV files) loses it before it reaches the database, so such
 * input is stored or refused like any other instead of ending in a system error.
 */
export function withoutNul<T extends string | null | undefined>(value: T): T {
  return (typeof value === 'string' ? value.replaceAll('\u0000', '') : value) as T;
}

/** The same for every string property of a plain object (one level deep). */
export function withoutNulFields<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, typeof v === 'string' ? withoutNul(v) : v])) as T;
}
