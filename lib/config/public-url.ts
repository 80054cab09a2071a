/** The portal's public address (ADUAN_PUBLIC_URL), used in links sent to citizens. */
export function publicUrl(): string {
  return (process.env.ADUAN_PUBLIC_URL ?? 'http://localhost:3000').replace(/\/$/, '');
}
