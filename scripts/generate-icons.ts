/**
 * Renders the app icons of the web app manifest (public/manifest.webmanifest) and the iOS home
 * screen icon (app/[locale]/apple-icon.png) from the site icon, app/[locale]/icon.svg. The PNGs are committed; run this again
 * after changing the SVG: `npx tsx scripts/generate-icons.ts`.
 *
 * "any" icons keep the SVG's rounded corners. Maskable icons (Android crops them to a circle or
 * squircle) and the iOS icon (iOS fills transparent corners with black) are full-bleed squares of
 * the theme colour with the SVG scaled into the central safe zone.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import sharp from 'sharp';

const THEME = '#0f3d5e';
const SVG_SIZE = 32;
const svg = readFileSync(resolve('app/[locale]/icon.svg'));

/** `mark`: the share of a full-bleed square the SVG fills (maskable: inside the 80 % safe zone); absent: the SVG alone. */
type Icon = { file: string; size: number; mark?: number };

const ICONS: Icon[] = [
  { file: 'public/icons/icon-192.png', size: 192 },
  { file: 'public/icons/icon-512.png', size: 512 },
  { file: 'public/icons/icon-maskable-192.png', size: 192, mark: 0.7 },
  { file: 'public/icons/icon-maskable-512.png', size: 512, mark: 0.7 },
  // iOS rounds only the corners, so the mark may fill more of its square; Next links it from every
  // page (the apple-icon file convention) next to icon.svg
  { file: 'app/[locale]/apple-icon.png', size: 180, mark: 0.86 },
];

function render(size: number): Promise<Buffer> {
  return sharp(svg, { density: (72 * size) / SVG_SIZE }).resize(size, size).png().toBuffer();
}

async function write({ file, size, mark }: Icon): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const image = mark
    ? sharp({ create: { width: size, height: size, channels: 4, background: THEME } }).composite([
        { input: await render(Math.round(size * mark)), gravity: 'center' },
      ])
    : sharp(await render(size));
  await image.png({ compressionLevel: 9 }).toFile(file);
  console.log(`${file} ${size}×${size}`);
}

for (const icon of ICONS) await write(icon);
