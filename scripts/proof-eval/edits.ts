import sharp from 'sharp';
import { rng } from './scenes';

/**
 * The edits an official might make to pass an old photo off as new proof, each applied with sharp
 * as an image editor or a phone would. `seed` picks the variable parts (which corner, which way).
 */

export const SINGLE_EDITS = [
  'jpeg_ulang',
  'png',
  'perkecil',
  'terang_kontras',
  'abu_abu',
  'cap_waktu',
  'potong_tengah_5',
  'potong_tengah_15',
  'potong_tengah_25',
  'potong_sudut_10',
  'potong_sudut_25',
  'putar_3',
  'putar_90',
  'cermin',
  'tangkapan_status',
  'tangkapan_letterbox',
  'tangkapan_bingkai',
] as const;
export const COMBINED_EDITS = ['gabungan_potong_cermin_cap', 'gabungan_putar90_abu_jpeg', 'gabungan_tangkapan_potong'] as const;
export const EDIT_KINDS = [...SINGLE_EDITS, ...COMBINED_EDITS] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

async function size(image: Buffer) {
  const m = await sharp(image).metadata();
  return { w: m.width!, h: m.height! };
}

async function crop(image: Buffer, fraction: number, corner: number | null): Promise<Buffer> {
  const { w, h } = await size(image);
  const cw = Math.round(w * (1 - fraction));
  const ch = Math.round(h * (1 - fraction));
  const left = corner === null ? Math.round((w - cw) / 2) : corner % 2 === 0 ? 0 : w - cw;
  const top = corner === null ? Math.round((h - ch) / 2) : corner < 2 ? 0 : h - ch;
  return sharp(image).extract({ left, top, width: cw, height: ch }).jpeg({ quality: 90 }).toBuffer();
}

async function stamp(image: Buffer, seed: number): Promise<Buffer> {
  const { w, h } = await size(image);
  const r = rng(seed);
  const day = 1 + Math.floor(r() * 28);
  const text = `${String(day).padStart(2, '0')}/11/2026 ${10 + Math.floor(r() * 8)}:${String(Math.floor(r() * 60)).padStart(2, '0')}`;
  const fs = Math.round(h / 16);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><text x="${w - fs * 0.6}" y="${h - fs * 1.9}" font-family="sans-serif" font-size="${fs}" font-weight="bold" fill="#ffb000" stroke="#000" stroke-width="1" text-anchor="end">${text}</text><text x="${w - fs * 0.6}" y="${h - fs * 0.7}" font-family="sans-serif" font-size="${fs * 0.7}" fill="#fff" text-anchor="end">Kel. Gambir, Jakarta Pusat</text></svg>`;
  return sharp(image).composite([{ input: Buffer.from(svg) }]).jpeg({ quality: 90 }).toBuffer();
}

function statusBar(width: number, dark: boolean, r: () => number): string {
  const fs = Math.round(width / 28);
  const colour = dark ? '#fff' : '#111';
  return `<text x="${fs}" y="${fs * 1.5}" font-family="sans-serif" font-size="${fs}" fill="${colour}">${10 + Math.floor(r() * 10)}:${String(Math.floor(r() * 60)).padStart(2, '0')}</text>
    <rect x="${width - fs * 3}" y="${fs * 0.7}" width="${fs * 1.8}" height="${fs * 0.9}" rx="3" fill="none" stroke="${colour}" stroke-width="2"/><rect x="${width - fs * 2.8}" y="${fs * 0.85}" width="${fs * (0.4 + r())}" height="${fs * 0.6}" fill="${colour}"/>
    <text x="${width - fs * 4}" y="${fs * 1.5}" font-family="sans-serif" font-size="${fs * 0.8}" fill="${colour}" text-anchor="end">4G ${Math.floor(20 + r() * 80)}%</text>`;
}

/** A phone screenshot of the photo shown in an app (status bar, UI above and below), in the gallery (letterbox) or in a device frame. */
async function screenshot(image: Buffer, style: 'status' | 'letterbox' | 'frame', seed: number): Promise<Buffer> {
  const r = rng(seed);
  const W = 1080;
  const H = 2340;
  const { w, h } = await size(image);
  const shownH = Math.round((W * h) / w);
  const dark = style !== 'status';
  const y = style === 'status' ? 260 + Math.floor(r() * 120) : Math.round((H - shownH) / 2);
  const photo = await sharp(image).resize(W, shownH).toBuffer();
  const ui =
    style === 'status'
      ? `<rect width="${W}" height="200" fill="#075e54"/><text x="120" y="160" font-family="sans-serif" font-size="48" fill="#fff">Grup RT 05 / RW 02</text>
         <rect x="40" y="${y + shownH + 40}" width="${W - 80}" height="160" rx="20" fill="#dcf8c6"/><text x="80" y="${y + shownH + 130}" font-family="sans-serif" font-size="40" fill="#111">Sudah diperbaiki pak, terima kasih</text>
         <rect x="0" y="${H - 160}" width="${W}" height="160" fill="#f0f0f0"/>`
      : `<text x="60" y="${H - 120}" font-family="sans-serif" font-size="40" fill="#ccc">IMG_2026${Math.floor(1000 + r() * 8999)}.jpg</text>`;
  const canvas = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="${W}" height="${H}" fill="${dark ? '#000' : '#ece5dd'}"/>${ui}${statusBar(W, dark || style === 'status', r)}</svg>`;
  let shot = await sharp(Buffer.from(canvas)).composite([{ input: photo, top: y, left: 0 }]).png().toBuffer();
  if (style === 'frame') {
    const pad = 70;
    const frame = `<svg xmlns="http://www.w3.org/2000/svg" width="${W + 2 * pad}" height="${H + 2 * pad}"><rect width="${W + 2 * pad}" height="${H + 2 * pad}" fill="#fafafa"/><rect x="8" y="8" width="${W + 2 * pad - 16}" height="${H + 2 * pad - 16}" rx="110" fill="#1b1b1f"/><circle cx="${(W + 2 * pad) / 2}" cy="${pad + 40}" r="18" fill="#333"/></svg>`;
    shot = await sharp(Buffer.from(frame)).composite([{ input: shot, top: pad, left: pad }]).png().toBuffer();
  }
  // phones save screenshots at screen resolution; messaging apps shrink them
  return sharp(shot).resize({ width: 720 }).png().toBuffer();
}

export async function applyEdit(kind: EditKind, image: Buffer, seed: number): Promise<Buffer> {
  const r = rng(seed);
  switch (kind) {
    case 'jpeg_ulang':
      return sharp(image).jpeg({ quality: 40 }).toBuffer();
    case 'png':
      return sharp(image).png().toBuffer();
    case 'perkecil': {
      const { w } = await size(image);
      return sharp(image).resize({ width: Math.round(w * 0.45) }).jpeg({ quality: 80 }).toBuffer();
    }
    case 'terang_kontras':
      return sharp(image).modulate({ brightness: 1.25, saturation: 1.2 }).linear(1.25, -25).jpeg({ quality: 85 }).toBuffer();
    case 'abu_abu':
      return sharp(image).greyscale().jpeg({ quality: 85 }).toBuffer();
    case 'cap_waktu':
      return stamp(image, seed);
    case 'potong_tengah_5':
      return crop(image, 0.05, null);
    case 'potong_tengah_15':
      return crop(image, 0.15, null);
    case 'potong_tengah_25':
      return crop(image, 0.25, null);
    case 'potong_sudut_10':
      return crop(image, 0.1, Math.floor(r() * 4));
    case 'potong_sudut_25':
      return crop(image, 0.25, Math.floor(r() * 4));
    case 'putar_3': {
      // "straighten": turn a few degrees, then cut away the blank corners
      const angle = (r() < 0.5 ? -1 : 1) * (2 + r() * 2);
      const { w, h } = await size(image);
      const turned = await sharp(image).rotate(angle, { background: '#000' }).toBuffer({ resolveWithObject: true });
      const cw = Math.round(w * 0.84);
      const ch = Math.round(h * 0.84);
      return sharp(turned.data).extract({ left: Math.round((turned.info.width - cw) / 2), top: Math.round((turned.info.height - ch) / 2), width: cw, height: ch }).jpeg({ quality: 88 }).toBuffer();
    }
    case 'putar_90':
      return sharp(image).rotate(r() < 0.5 ? 90 : 270).jpeg({ quality: 88 }).toBuffer();
    case 'cermin':
      return sharp(image).flop().jpeg({ quality: 88 }).toBuffer();
    case 'tangkapan_status':
      return screenshot(image, 'status', seed);
    case 'tangkapan_letterbox':
      return screenshot(image, 'letterbox', seed);
    case 'tangkapan_bingkai':
      return screenshot(image, 'frame', seed);
    case 'gabungan_potong_cermin_cap':
      return stamp(await sharp(await crop(image, 0.12, Math.floor(r() * 4))).flop().toBuffer(), seed);
    case 'gabungan_putar90_abu_jpeg':
      return sharp(image).rotate(90).greyscale().jpeg({ quality: 45 }).toBuffer();
    case 'gabungan_tangkapan_potong':
      return screenshot(await crop(image, 0.1, null), 'letterbox', seed);
  }
}
