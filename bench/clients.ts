import sharp from 'sharp';
import { streetScene } from '@/lib/testing/images';

/** Signs a staff account in through Auth.js's credentials endpoint; returns the Cookie header of its session. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/petugas` }),
  });
  const session = cookiesOf(response);
  if (!session.includes('session-token')) throw new Error(`sign-in of ${email} failed (${response.status})`);
  return session;
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/**
 * A street photo with the grain of a real camera picture (flat drawings compress and encode far
 * faster than photos do). `app`: 2048×1536 at quality 80, about 300 KB, as the phone app sends
 * after downscaling; `camera`: 4000×3000 (12 megapixels) at quality 92, a few MB, as a phone's
 * camera writes it, with an EXIF orientation to apply.
 */
export async function benchPhoto(kind: 'app' | 'camera' = 'app'): Promise<Buffer> {
  const [width, height, quality, grainLevel] = kind === 'app' ? [2048, 1536, 80, 48] : [4000, 3000, 92, 40];
  let s = 7;
  const grain = Buffer.from(Uint8Array.from({ length: width * height * 3 }, () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * grainLevel));
  const image = sharp(streetScene(5, width, height)).composite([{ input: grain, raw: { width, height, channels: 3 }, blend: 'overlay' }]);
  return (kind === 'camera' ? image.withMetadata({ orientation: 6 }) : image).jpeg({ quality }).toBuffer();
}

/** The multipart body of one Open311 service request (with a photo when given), at a random spot in Jakarta. */
export function open311Submission(apiKey: string, photo: Buffer | null, i: number): { body: Buffer; contentType: string } {
  const boundary = `----aduanbench${i}`;
  const fields = {
    api_key: apiKey,
    service_code: ['jalan', 'sampah', 'pohon', 'saluran-air'][i % 4],
    // central and south Jakarta: all land, inside the province's boundary
    lat: (-6.26 + Math.random() * 0.08).toFixed(5),
    long: (106.8 + Math.random() * 0.08).toFixed(5),
    description: `Uji beban ${i}: jalan berlubang cukup dalam di depan toko, membahayakan pengendara motor pada malam hari.`,
  };
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const media = photo
    ? [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="foto.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), photo, Buffer.from('\r\n')]
    : [];
  return {
    body: Buffer.concat([Buffer.from(parts.join('')), ...media, Buffer.from(`--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
