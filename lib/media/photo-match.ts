import sharp from 'sharp';
import { closestHash, type ContentBox, type Fingerprint, fingerprintOf, type GreyImage, type HashMatch, isBoxTurn, isCandidate, isMirroredTurn, SURE_CANDIDATE_BITS } from './photo-fingerprint';
import { openCv, type Cv, type CvMat } from './opencv';
import { dHash, hammingDistance } from './process-image';

/**
 * "Is this the same picture?" for a candidate the hashes found: ORB keypoints of both photos,
 * matched and fitted to one perspective transform (RANSAC); then the new photo, laid over the
 * stored one through that transform, must agree with it pixel for pixel in its fine detail. A
 * later photo of the same place shares keypoints (the same buildings) but not the fine detail once
 * aligned: the camera moved (near things shift more than far ones), the light and the things
 * changed, the sensor noise is new. So "same photo" means the same picture, edited or not.
 */

/** Hashes at most this far apart make a candidate worth the keypoint check. */
export const CANDIDATE_BITS = Number(process.env.ADUAN_PROOF_CANDIDATE_BITS ?? 10);
/**
 * The portal's older check is a candidate too: difference hashes this close (the same setting as
 * the follow-up check's SAME_PHOTO_MAX_BITS) send the pair to the keypoint check.
 */
const DHASH_CANDIDATE_BITS = Number(process.env.ADUAN_PROOF_SAME_PHOTO_BITS ?? 10);
/** Side of the greyscale copies the keypoint check works on. */
const MATCH_SIDE = 640;
/** Keypoints that agree with one transform, at least. */
const MIN_INLIERS = 25;
/** Fine-detail correlation of the aligned photos, at least (1 = identical; a later photo of the place stays far below). */
export const SAME_DETAIL = Number(process.env.ADUAN_PROOF_SAME_DETAIL ?? 0.8);

/** What the copy did to the stored photo, as the validator is told. */
export type DetectedEdit = 'cermin' | 'putar_90' | 'putar_sedikit' | 'potong' | 'tangkapan_layar' | 'ukuran' | 'abu_abu';

export interface PhotoComparison {
  same: boolean;
  /** 0..1: the fine-detail agreement after alignment (0 when no alignment was found). */
  score: number;
  reason: string;
  hash: HashMatch;
  inliers: number;
  edits: DetectedEdit[];
  /** Where the new photo lies on the stored one (fractions of the stored photo), for the side-by-side view. */
  region?: ContentBox;
}

interface Decoded {
  grey: GreyImage;
  /** Whether the colour photo has colour at all (a greyscale copy of a colour photo is an edit). */
  isGrey: boolean;
  width: number;
  height: number;
}

async function decode(input: Buffer): Promise<Decoded> {
  const image = sharp(input, { failOn: 'truncated' }).autoOrient().flatten({ background: '#ffffff' });
  const { data, info } = await image.clone().greyscale().resize(MATCH_SIDE, MATCH_SIDE, { fit: 'inside' }).raw().toBuffer({ resolveWithObject: true });
  const stats = await image.clone().removeAlpha().toColourspace('srgb').resize(64, 64, { fit: 'inside' }).raw().toBuffer({ resolveWithObject: true });
  let chroma = 0;
  const c = stats.info.channels;
  for (let i = 0; i + 2 < stats.data.length && c >= 3; i += c) chroma += Math.max(stats.data[i], stats.data[i + 1], stats.data[i + 2]) - Math.min(stats.data[i], stats.data[i + 1], stats.data[i + 2]);
  const meta = await sharp(input).metadata();
  return {
    grey: { data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height), width: info.width, height: info.height },
    isGrey: c < 3 || chroma / (stats.info.width * stats.info.height) < 3,
    width: meta.width ?? info.width,
    height: meta.height ?? info.height,
  };
}

function toMat(cv: Cv, img: GreyImage): CvMat {
  const mat = new cv.Mat(img.height, img.width, cv.CV_8UC1);
  mat.data.set(img.data);
  return mat;
}

/** The fine detail of an image: itself minus its blur, so brightness, contrast and tone do not count. */
// The band of detail compared: finer than the objects (which a later photo shares), coarser than
// a pixel (a copy re-encoded, resized or aligned to a pixel or so keeps it).
const DETAIL_FINE = Number(process.env.ADUAN_PROOF_DETAIL_FINE ?? 1.2);
const DETAIL_COARSE = Number(process.env.ADUAN_PROOF_DETAIL_COARSE ?? 4);

/** The detail of an image in that band (difference of two blurs): brightness, contrast and tone drop out. */
function detail(cv: Cv, src: CvMat): CvMat {
  const f = new cv.Mat();
  src.convertTo(f, cv.CV_32F);
  const fine = new cv.Mat();
  const coarse = new cv.Mat();
  cv.GaussianBlur(f, fine, new cv.Size(0, 0), DETAIL_FINE);
  cv.GaussianBlur(f, coarse, new cv.Size(0, 0), DETAIL_COARSE);
  const out = new cv.Mat();
  cv.subtract(fine, coarse, out);
  f.delete();
  fine.delete();
  coarse.delete();
  return out;
}

/**
 * Agreement of two float images where mask is set: the median of their correlation over tiles.
 * A median, because a copy agrees almost everywhere (a stamp spoils a few tiles), while a later
 * photo of the place agrees only along the strong edges of far-off things.
 */
const TILE_QUANTILE = Number(process.env.ADUAN_PROOF_TILE_QUANTILE ?? 0.5);

function correlation(a: CvMat, b: CvMat, mask: CvMat, width: number, height: number): { r: number; n: number } {
  const x = a.data32F as Float32Array;
  const y = b.data32F as Float32Array;
  const m = mask.data as Uint8Array;
  const T = 8;
  const rs: number[] = [];
  let covered = 0;
  for (let ty = 0; ty < T; ty++) {
    for (let tx = 0; tx < T; tx++) {
      let n = 0;
      let sx = 0;
      let sy = 0;
      let sxx = 0;
      let syy = 0;
      let sxy = 0;
      for (let py = Math.floor((ty * height) / T); py < Math.floor(((ty + 1) * height) / T); py++) {
        for (let px = Math.floor((tx * width) / T); px < Math.floor(((tx + 1) * width) / T); px++) {
          const i = py * width + px;
          if (m[i] < 255) continue;
          n++;
          sx += x[i];
          sy += y[i];
          sxx += x[i] * x[i];
          syy += y[i] * y[i];
          sxy += x[i] * y[i];
        }
      }
      covered += n;
      if (n < 200) continue;
      const vx = sxx / n - (sx / n) ** 2;
      const vy = syy / n - (sy / n) ** 2;
      // a tile without detail (clear sky, letterbox) says nothing either way
      if (vx < 1 || vy < 1) continue;
      rs.push((sxy / n - (sx / n) * (sy / n)) / Math.sqrt(vx * vy));
    }
  }
  if (rs.length < 4) return { r: 0, n: covered };
  rs.sort((p, q) => p - q);
  return { r: rs[Math.floor(rs.length * TILE_QUANTILE)], n: covered };
}

interface Alignment {
  inliers: number;
  detail: number;
  /** 3 × 3 transform from the new photo's pixels to the stored photo's pixels. */
  h: number[];
  coverage: number;
  region: ContentBox;
}

/** Keypoints of both, matched, fitted, and the fine detail compared once aligned. */
function align(cv: Cv, stored: GreyImage, fresh: GreyImage): Alignment | null {
  const keep: CvMat[] = [];
  const mat = <T extends CvMat>(m: T) => (keep.push(m), m);
  try {
    const a = mat(toMat(cv, stored));
    const b = mat(toMat(cv, fresh));
    const orb = new cv.ORB(1500);
    const ka = new cv.KeyPointVector();
    const kb = new cv.KeyPointVector();
    const da = mat(new cv.Mat());
    const db = mat(new cv.Mat());
    const none = mat(new cv.Mat());
    orb.detectAndCompute(a, none, ka, da);
    orb.detectAndCompute(b, none, kb, db);
    orb.delete();
    if (da.rows < 10 || db.rows < 10) {
      ka.delete();
      kb.delete();
      return null;
    }
    const matcher = new cv.BFMatcher(cv.NORM_HAMMING, false);
    const knn = new cv.DMatchVectorVector();
    matcher.knnMatch(db, da, knn, 2);
    const src: number[] = [];
    const dst: number[] = [];
    for (let i = 0; i < knn.size(); i++) {
      const pair = knn.get(i);
      if (pair.size() === 2 && pair.get(0).distance < 0.8 * pair.get(1).distance) {
        const m = pair.get(0);
        const p = kb.get(m.queryIdx).pt;
        const q = ka.get(m.trainIdx).pt;
        src.push(p.x, p.y);
        dst.push(q.x, q.y);
      }
    }
    knn.delete();
    matcher.delete();
    ka.delete();
    kb.delete();
    if (src.length / 2 < MIN_INLIERS) return null;
    const srcMat = mat(cv.matFromArray(src.length / 2, 1, cv.CV_32FC2, src));
    const dstMat = mat(cv.matFromArray(dst.length / 2, 1, cv.CV_32FC2, dst));
    const inlierMask = mat(new cv.Mat());
    const rough = mat(cv.findHomography(srcMat, dstMat, cv.RANSAC, 4, inlierMask));
    if (rough.rows !== 3) return null;
    const inliers = cv.countNonZero(inlierMask);
    // refitted to the inliers only (least squares): the detail comparison needs the pixel
    const flags = inlierMask.data as Uint8Array;
    const fitSrc: number[] = [];
    const fitDst: number[] = [];
    for (let i = 0; i < flags.length; i++) {
      if (!flags[i]) continue;
      fitSrc.push(src[2 * i], src[2 * i + 1]);
      fitDst.push(dst[2 * i], dst[2 * i + 1]);
    }
    let hMat = rough;
    if (inliers >= 8) {
      const refined = mat(cv.findHomography(mat(cv.matFromArray(inliers, 1, cv.CV_32FC2, fitSrc)), mat(cv.matFromArray(inliers, 1, cv.CV_32FC2, fitDst)), 0));
      if (refined.rows === 3) hMat = refined;
    }
    const h = Array.from(hMat.data64F as Float64Array);
    // the new photo laid over the stored one; where it lands, fine detail compared
    const warped = mat(new cv.Mat());
    const size = new cv.Size(stored.width, stored.height);
    cv.warpPerspective(b, warped, hMat, size, cv.INTER_LINEAR, cv.BORDER_CONSTANT, new cv.Scalar(0));
    const ones = mat(new cv.Mat(fresh.height, fresh.width, cv.CV_8UC1, new cv.Scalar(255)));
    const cover = mat(new cv.Mat());
    cv.warpPerspective(ones, cover, hMat, size, cv.INTER_NEAREST, cv.BORDER_CONSTANT, new cv.Scalar(0));
    const erodeKernel = mat(cv.Mat.ones(9, 9, cv.CV_8U));
    cv.erode(cover, cover, erodeKernel);
    const da2 = mat(detail(cv, a));
    const db2 = mat(detail(cv, warped));
    const { r, n } = correlation(da2, db2, cover, stored.width, stored.height);
    // where the new photo lies on the stored one
    const corners = [
      [0, 0],
      [fresh.width, 0],
      [0, fresh.height],
      [fresh.width, fresh.height],
    ].map(([x, y]) => {
      const w = h[6] * x + h[7] * y + h[8];
      return [(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w];
    });
    const xs = corners.map((c) => Math.min(Math.max(c[0] / stored.width, 0), 1));
    const ys = corners.map((c) => Math.min(Math.max(c[1] / stored.height, 0), 1));
    const region = { left: Math.min(...xs), top: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
    return { inliers, detail: r, h, coverage: n / (stored.width * stored.height), region };
  } finally {
    for (const m of keep) m.delete();
  }
}

function flop(img: GreyImage): GreyImage {
  const data = new Uint8Array(img.data.length);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) data[y * img.width + x] = img.data[y * img.width + img.width - 1 - x];
  }
  return { ...img, data };
}

function crop(img: GreyImage, box: ContentBox): GreyImage {
  const left = Math.round(box.left * img.width);
  const top = Math.round(box.top * img.height);
  const width = Math.max(1, Math.round(box.width * img.width));
  const height = Math.max(1, Math.round(box.height * img.height));
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) data.set(img.data.subarray((top + y) * img.width + left, (top + y) * img.width + left + width), y * width);
  return { data, width, height };
}

function editsOf(al: Alignment, mirrored: boolean, fresh: Fingerprint, stored: Decoded, given: Decoded): DetectedEdit[] {
  const edits: DetectedEdit[] = [];
  const [a, , , c] = al.h;
  // the turn of the transform: its first column's angle
  const angle = (Math.atan2(c, a) * 180) / Math.PI;
  const turn = Math.abs(angle);
  if (mirrored) edits.push('cermin');
  if (Math.abs(turn - 90) < 10) edits.push('putar_90');
  else if (turn > 0.7 && turn < 20) edits.push('putar_sedikit');
  if (al.region.width * al.region.height < 0.93) edits.push('potong');
  if (fresh.box.width < 1 || fresh.box.height < 1) edits.push('tangkapan_layar');
  const cut = edits.includes('potong') || edits.includes('tangkapan_layar');
  if (!cut && Math.abs(Math.sqrt((given.width * given.height) / (stored.width * stored.height)) - 1) > 0.05) edits.push('ukuran');
  if (given.isGrey && !stored.isGrey) edits.push('abu_abu');
  return edits;
}

/**
 * Whether `given` (a new proof photo) is a copy of `stored` (a photo already in the system).
 * The hashes decide whether it is worth looking; keypoints and aligned detail decide.
 */
export async function comparePhotos(stored: Buffer, given: Buffer, prints?: { stored: Fingerprint; given: Fingerprint }): Promise<PhotoComparison> {
  const [s, g] = await Promise.all([decode(stored), decode(given)]);
  const sp = prints?.stored ?? fingerprintOf(s.grey);
  const gp = prints?.given ?? fingerprintOf(g.grey);
  const hash = closestHash(sp, gp);
  // the same rule as the index look-up (findCandidates), so proof:compare measures what the portal does
  const isHashCandidate = isCandidate(hash, sp, gp, CANDIDATE_BITS);
  if (!isHashCandidate && hammingDistance(await dHash(sharp(stored).autoOrient()), await dHash(sharp(given).autoOrient())) <= DHASH_CANDIDATE_BITS) {
    return verify(s, g, sp, gp, { ...hash, bits: 65, turn: 0 });
  }
  if (!isHashCandidate) {
    const why = hash.bits > 64 ? 'no hash band in common: not a candidate' : hash.bits > CANDIDATE_BITS ? `hash ${hash.bits} bits apart (candidates ≤ ${CANDIDATE_BITS})` : `hash ${hash.bits} bits apart in one pairing only (alone a candidate ≤ ${SURE_CANDIDATE_BITS})`;
    return { same: false, score: 0, reason: why, hash, inliers: 0, edits: [] };
  }
  return verify(s, g, sp, gp, hash);
}

async function verify(s: Decoded, g: Decoded, sp: Fingerprint, gp: Fingerprint, hash: HashMatch): Promise<PhotoComparison> {
  const { cv } = await openCv();
  // a screenshot is compared by the photo inside it; the hashes say whether it is mirrored
  const useBox = isBoxTurn(hash.turn);
  const base = useBox ? crop(g.grey, gp.box) : g.grey;
  const mirroredFirst = isMirroredTurn(hash.turn);
  let best: { al: Alignment; mirrored: boolean } | null = null;
  for (const mirrored of [mirroredFirst, !mirroredFirst]) {
    const al = align(cv, s.grey, mirrored ? flop(base) : base);
    if (al && (!best || al.detail > best.al.detail)) best = { al, mirrored };
    if (best && best.al.inliers >= MIN_INLIERS && best.al.detail >= SAME_DETAIL) break;
  }
  if (!best) return { same: false, score: 0, reason: `hash ${hash.bits} bits; too few matching keypoints`, hash, inliers: 0, edits: [] };
  const { al, mirrored } = best;
  const same = al.inliers >= MIN_INLIERS && al.detail >= SAME_DETAIL && al.coverage > 0.05;
  const score = Math.max(0, Math.round(al.detail * 1000) / 1000);
  const edits = same ? editsOf(al, mirrored, { ...gp, box: useBox ? gp.box : { left: 0, top: 0, width: 1, height: 1 } }, s, g) : [];
  const why = same
    ? `same picture: ${al.inliers} keypoints agree, fine detail ${score} after alignment${edits.length ? `; edits: ${edits.join(', ')}` : ''}`
    : al.inliers < MIN_INLIERS
      ? `hash ${hash.bits} bits; only ${al.inliers} keypoints agree`
      : `same scene perhaps, not the same picture: ${al.inliers} keypoints agree but fine detail ${score} after alignment`;
  return { same, score, reason: why, hash, inliers: al.inliers, edits, region: same ? al.region : undefined };
}

