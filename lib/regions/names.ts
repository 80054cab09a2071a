/** "Kota Administrasi Jakarta Pusat" → "Jakarta Pusat"; other names unchanged. */
export function shortRegionName(name: string): string {
  return name.replace(/^(Kota|Kabupaten) Administrasi /, '');
}
