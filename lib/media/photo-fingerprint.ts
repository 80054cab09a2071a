import sharp from 'sharp';

/**
 * The robust fingerprint of a photo, for finding a recycled proof photo among many: perceptual
 * hashes (pHash, 64-bit DCT) that survive re-encoding, resizing, brightness, greyscale and small
 * stamps, taken of the photo's content (a screenshot's status bar, letterbox and phone frame cut
 * away), of sub-windows of it (so a crop of it still meets one of them), and, on the side of the
 * photo being checked, of its four turns and their mirror images. Hashes only find candidates; the
 * keypoint check (photo-match.ts) decides. Pure apart from decoding.
 */

/** Side of the greyscale working copy the fingerprint and the keypoint check start from. */
export const WORK_SIDE = 512;

export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Where the picture is inside the file, as fractions (a screenshot's photo is a part of it). */
export interface ContentBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The decoded greyscale photo (upright per EXIF), at most WORK_SIDE on its long side. */
export async function decodeGrey(input: Buffer, side = WORK_SIDE): Promise<GreyImage> {
  const { data, info } = await sharp(input, { failOn: 'truncated' })
    .autoOrient()
    .flatten({ background: '#ffffff' })
    .greyscale()
    .resize(side, side, { fit: 'inside' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height), width: info.width, height: info.height };
}

// A band of rows (or columns) whose pixels barely differ from their neighbours is screen furniture, not photo: letterbox
// bars, an app's background, a phone's bezel. Real photos have sensor noise even in a clear sky.
const FLAT = 0.05;
// Text in a status bar or a caption interrupts a flat band for a few rows; the photo is the
// longest run of varied rows, allowing gaps this short.
const GAP = 0.01;

function longestVariedRun(std: number[], gap: number): [number, number] {
  let best: [number, number] = [0, std.length];
  let bestLen = -1;
  let start = -1;
  let lastVaried = -1;
  for (let i = 0; i <= std.length; i++) {
    const varied = i < std.length && std[i] > FLAT;
    if (varied) {
      if (start < 0 || i - lastVaried > gap + 1) start = i;
      lastVaried = i;
    }
    if (start >= 0 && (i === std.length || (!varied && i - lastVaried > gap))) {
      if (lastVaried - start + 1 > bestLen) {
        bestLen = lastVaried - start + 1;
        best = [start, lastVaried + 1];
      }
      start = -1;
    }
  }
  return best;
}

/** The share of neighbouring pixels that differ, along each line (row or column, within from..to of the other axis). */
function lineTexture(img: GreyImage, horizontal: boolean, from: number, to: number): number[] {
  const { data, width, height } = img;
  const lines = horizontal ? height : width;
  const out: number[] = [];
  for (let i = 0; i < lines; i++) {
    let sum = 0;
    for (let j = from + 1; j < to; j++) {
      const step = horizontal ? Math.abs(data[i * width + j] - data[i * width + j - 1]) : Math.abs(data[j * width + i] - data[(j - 1) * width + i]);
      // counted, not summed: the few sharp edges of a bezel or a caption do not make a line varied
      if (step > 2) sum++;
    }
    out.push(sum / Math.max(1, to - from - 1));
  }
  return out;
}

function lineMeans(img: GreyImage, horizontal: boolean, from: number, to: number): number[] {
  const { data, width, height } = img;
  const out: number[] = [];
  for (let i = 0; i < (horizontal ? height : width); i++) {
    let sum = 0;
    for (let j = from; j < to; j++) sum += horizontal ? data[i * width + j] : data[j * width + i];
    out.push(sum / Math.max(1, to - from));
  }
  return out;
}

// A smooth part of the photo (a clear sky) has no texture either, but it continues the photo's
// tones, where a letterbox or an app's background starts with a jump.
const JUMP = 12;

function grow(means: number[], start: number, end: number): [number, number] {
  while (start > 0 && Math.abs(means[start - 1] - means[start]) < JUMP) start--;
  while (end < means.length && Math.abs(means[end] - means[end - 1]) < JUMP) end++;
  return [start, end];
}

/** The photo inside the file: the file itself unless flat bands surround it (a screenshot). */
export function contentBox(img: GreyImage): ContentBox {
  let [top, bottom, left, right] = [0, img.height, 0, img.width];
  // twice: a phone frame's bezel only looks flat once the margin beside it is cut away
  for (let pass = 0; pass < 2; pass++) {
    [top, bottom] = longestVariedRun(lineTexture(img, true, left, right), Math.round(img.height * GAP));
    [left, right] = longestVariedRun(lineTexture(img, false, top, bottom), Math.round(img.width * GAP));
  }
  [top, bottom] = grow(lineMeans(img, true, left, right), top, bottom);
  [left, right] = grow(lineMeans(img, false, top, bottom), left, right);
  // a box of almost the whole file, or too small to be the photo, is the file
  const box = { left: left / img.width, top: top / img.height, width: (right - left) / img.width, height: (bottom - top) / img.height };
  if (box.width * box.height > 0.97 || box.width < 0.2 || box.height < 0.1) return { left: 0, top: 0, width: 1, height: 1 };
  return box;
}

/** A part of the image (fractions), resampled to size × size by averaging. */
export function sample(img: GreyImage, box: ContentBox, size: number): Float64Array {
  const out = new Float64Array(size * size);
  const x0 = box.left * img.width;
  const y0 = box.top * img.height;
  const sx = (box.width * img.width) / size;
  const sy = (box.height * img.height) / size;
  for (let y = 0; y < size; y++) {
    const ya = Math.floor(y0 + y * sy);
    const yb = Math.max(ya + 1, Math.floor(y0 + (y + 1) * sy));
    for (let x = 0; x < size; x++) {
      const xa = Math.floor(x0 + x * sx);
      const xb = Math.max(xa + 1, Math.floor(x0 + (x + 1) * sx));
      let sum = 0;
      let n = 0;
      for (let yy = ya; yy < yb && yy < img.height; yy++) {
        for (let xx = xa; xx < xb && xx < img.width; xx++) {
          sum += img.data[yy * img.width + xx];
          n++;
        }
      }
      out[y * size + x] = n ? sum / n : 0;
    }
  }
  return out;
}

const N = 32;
const COS = Array.from({ length: 8 }, (_, u) => Array.from({ length: N }, (_, x) => Math.cos(((2 * x + 1) * u * Math.PI) / (2 * N))));

/** pHash of a 32 × 32 sample: the signs of its 8 × 8 lowest DCT frequencies against their median. */
export function pHash(px: Float64Array): string {
  const rows = new Float64Array(N * 8);
  for (let y = 0; y < N; y++) {
    for (let u = 0; u < 8; u++) {
      let s = 0;
      for (let x = 0; x < N; x++) s += px[y * N + x] * COS[u][x];
      rows[y * 8 + u] = s;
    }
  }
  const coef: number[] = [];
  for (let v = 0; v < 8; v++) {
    for (let u = 0; u < 8; u++) {
      let s = 0;
      for (let y = 0; y < N; y++) s += rows[y * 8 + u] * COS[v][y];
      coef.push(s);
    }
  }
  const median = [...coef.slice(1)].sort((a, b) => a - b)[31];
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < 64; i++) {
    const bit = coef[i] > median ? 1 : 0;
    if (i < 32) hi = (hi * 2 + bit) >>> 0;
    else lo = (lo * 2 + bit) >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** The 8 turns and mirror images of a square sample (index 0 is the sample itself; 4–7 are mirrored). */
export function dihedral(px: Float64Array, size = N): Float64Array[] {
  const out: Float64Array[] = [];
  for (let k = 0; k < 8; k++) {
    const t = new Float64Array(size * size);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        let sx = x;
        let sy = y;
        for (let r = 0; r < k % 4; r++) [sx, sy] = [sy, size - 1 - sx];
        if (k >= 4) sx = size - 1 - sx;
        t[y * size + x] = px[sy * size + sx];
      }
    }
    out.push(t);
  }
  return out;
}

/** The windows of a stored photo that a cropped copy of it would show: whole, centred and corner crops. */
export const WINDOWS: ContentBox[] = (() => {
  const w: ContentBox[] = [{ left: 0, top: 0, width: 1, height: 1 }];
  for (const keep of [0.9, 0.8, 0.75, 0.7]) {
    const m = (1 - keep) / 2;
    w.push({ left: m, top: m, width: keep, height: keep });
    for (const [cx, cy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) w.push({ left: cx * (1 - keep), top: cy * (1 - keep), width: keep, height: keep });
  }
  return w;
})();

const STRAIGHTEN = 3;

/** The centre of the image turned by `deg` degrees (the part a straightened copy keeps), resampled to size × size. */
function sampleTurned(img: GreyImage, deg: number, size: number): Float64Array {
  const out = new Float64Array(size * size);
  const a = (deg * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.sin(a)];
  const keep = 0.88;
  const cx = img.width / 2;
  const cy = img.height / 2;
  const step = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let sum = 0;
      for (let k = 0; k < step * step; k++) {
        const u = ((x + ((k % step) + 0.5) / step) / size - 0.5) * img.width * keep;
        const v = ((y + (Math.floor(k / step) + 0.5) / step) / size - 0.5) * img.height * keep;
        const sx = Math.min(img.width - 1, Math.max(0, Math.round(cx + u * cos - v * sin)));
        const sy = Math.min(img.height - 1, Math.max(0, Math.round(cy + u * sin + v * cos)));
        sum += img.data[sy * img.width + sx];
      }
      out[y * size + x] = sum / (step * step);
    }
  }
  return out;
}

export const isBoxTurn = (turn: number) => turn >= 8 && turn < 16;
export const isMirroredTurn = (turn: number) => (turn < 16 ? turn % 8 >= 4 : turn >= 18);

export interface Fingerprint {
  /** Hashes of the stored photo's windows (WINDOWS order): what later copies are looked up against. */
  windows: string[];
  /**
   * Hashes of this photo when it is the new one, what is looked up: 0–7 its 8 turns/mirrors, 8–15
   * the same of its content box (of the whole again when it has none), 16–19 straightened by ±3°
   * (16, 17) and those mirrored (18, 19). See isBoxTurn and isMirroredTurn.
   */
  turns: string[];
  box: ContentBox;
}

/** The photo's fingerprint from its greyscale working copy. Pure. */
export function fingerprintOf(img: GreyImage): Fingerprint {
  const box = contentBox(img);
  const windows = WINDOWS.map((w) => pHash(sample(img, w, N)));
  const whole = { left: 0, top: 0, width: 1, height: 1 };
  const turns = dihedral(sample(img, whole, N)).map(pHash);
  // the content box is a guess (a flat sky can look like a letterbox): it adds hashes, never replaces them
  turns.push(...(box.width < 1 || box.height < 1 ? dihedral(sample(img, box, N)).map(pHash) : turns));
  // a photo turned a few degrees to "straighten" it (and cut to hide the corners): turned back
  const straightened = [STRAIGHTEN, -STRAIGHTEN].map((deg) => sampleTurned(img, deg, N));
  turns.push(...straightened.map(pHash), ...straightened.map((px) => pHash(dihedral(px)[4])));
  return { windows, turns, box };
}

export async function fingerprint(input: Buffer): Promise<Fingerprint> {
  return fingerprintOf(await decodeGrey(input));
}

function popcount(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Differing bits of two 16-hex-digit hashes. */
export function bits(a: string, b: string): number {
  return popcount((parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) >>> 0) + popcount((parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16)) >>> 0);
}

export interface HashMatch {
  bits: number;
  /** Which turn/mirror of the new photo met the stored one (0 = as it is; 4–7 mirrored; 8–15 the same of its content box). */
  turn: number;
  /** Which window of the stored photo (index into WINDOWS). */
  window: number;
}

/** The four 16-bit bands of a hash: the keys of the multi-index (a close hash shares one, as a rule). */
export function bands(hash: string): number[] {
  return [0, 1, 2, 3].map((i) => parseInt(hash.slice(i * 4, i * 4 + 4), 16));
}

/**
 * The closest pairing of the new photo's turns with the stored photo's windows that the index
 * can find: the two hashes share one 16-bit band exactly (multi-index hashing). Hashes within 3 bits
 * always do; farther ones do when the differing bits fall in the other bands, which is what makes
 * the look-up an index search, not a scan. `bits` is 65 when no pairing shares a band.
 */
export function closestHash(stored: Pick<Fingerprint, 'windows'>, fresh: Pick<Fingerprint, 'turns'>): HashMatch {
  let best: HashMatch = { bits: 65, turn: 0, window: 0 };
  const storedBands = stored.windows.map(bands);
  for (const [turn, t] of fresh.turns.entries()) {
    const tb = bands(t);
    for (const [window, w] of stored.windows.entries()) {
      if (!tb.some((b, i) => b === storedBands[window][i])) continue;
      const d = bits(t, w);
      if (d < best.bits) best = { bits: d, turn, window };
    }
  }
  return best;
}

/**
 * A pairing found within this many bits makes the stored photo a candidate on its own. A farther one
 * (up to the candidate distance) needs a second pairing of the same two photos (another window or
 * turn, band shared or not) within SECOND_PAIRING_BITS: an edited copy resembles the stored photo
 * in more than one window, a chance neighbour among millions of hashes in one only. On the
 * evaluation set every copy found within 10 bits passes; chance candidates of unrelated photos fall
 * about sevenfold.
 */
export const SURE_CANDIDATE_BITS = Number(process.env.ADUAN_PROOF_SURE_BITS ?? 6);
export const SECOND_PAIRING_BITS = Number(process.env.ADUAN_PROOF_SECOND_BITS ?? 18);

/** Pairings of the new photo's distinct turns with the stored photo's windows within `maxBits`, band shared or not. */
export function pairingsWithin(stored: Pick<Fingerprint, 'windows'>, fresh: Pick<Fingerprint, 'turns'>, maxBits: number): number {
  let n = 0;
  for (const t of new Set(fresh.turns)) for (const w of stored.windows) if (bits(t, w) <= maxBits) n++;
  return n;
}

/** Whether the closest pairing `hash` (closestHash) makes the stored photo a candidate under `maxBits` (see SURE_CANDIDATE_BITS). */
export function isCandidate(hash: HashMatch, stored: Pick<Fingerprint, 'windows'>, fresh: Pick<Fingerprint, 'turns'>, maxBits: number): boolean {
  if (hash.bits > maxBits) return false;
  return hash.bits <= SURE_CANDIDATE_BITS || pairingsWithin(stored, fresh, SECOND_PAIRING_BITS) >= 2;
}
