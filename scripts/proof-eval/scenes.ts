import sharp from 'sharp';
import { createRand } from '@/lib/demo/random';

/**
 * Photo-like street scenes for the recycled-photo evaluation, drawn from a seed so the set is the
 * same on every machine. A scene is a small world of objects at different depths (sky, buildings,
 * trees, poles, parked cars, a road with a pothole or rubbish); a camera looks at it. Rendering the
 * same world from a moved camera, at another hour, with things changed, gives what an honest "after"
 * photo of the same place is: same scene, different picture (near objects shift more than far ones).
 */

/** The demo generator's mulberry32 (a seed of 0 counts as 1). */
export function rng(seed: number) {
  return createRand(seed >>> 0 || 1);
}

interface Thing {
  kind: 'building' | 'tree' | 'pole' | 'car' | 'pothole' | 'rubbish' | 'sign';
  /** World position: x across (-1..1 at depth 1), y of the base (0 = horizon, 1 = bottom), depth ≥ 1. */
  x: number;
  depth: number;
  w: number;
  h: number;
  colour: string;
  detail: number;
}

export interface World {
  seed: number;
  sky: [string, string];
  ground: string;
  road: string;
  horizon: number;
  things: Thing[];
  texture: number;
}

export interface Camera {
  /** Sideways shift of the camera, in world units. */
  dx: number;
  /** Up/down shift of the horizon, as a fraction of the height. */
  dy: number;
  zoom: number;
  /** Multiplies the light (1 = as first seen). */
  light: number;
  /** Hue shift of the light in degrees (late afternoon is warmer). */
  warmth: number;
}

const hsl = (h: number, s: number, l: number) => `hsl(${Math.round(h)},${Math.round(s)}%,${Math.round(l)}%)`;

export function makeWorld(seed: number): World {
  const r = rng(seed);
  const things: Thing[] = [];
  const buildings = 4 + Math.floor(r() * 6);
  for (let i = 0; i < buildings; i++) {
    things.push({ kind: 'building', x: -1.6 + (3.2 * i) / buildings + r() * 0.2, depth: 1.8 + r() * 2.5, w: 0.45 + r() * 0.6, h: 0.9 + r() * 1.6, colour: hsl(r() * 360, 15 + r() * 40, 35 + r() * 40), detail: Math.floor(r() * 1000) });
  }
  for (let i = 0; i < 2 + Math.floor(r() * 4); i++) {
    things.push({ kind: 'tree', x: -1.4 + r() * 2.8, depth: 1.5 + r() * 2.5, w: 0.25 + r() * 0.35, h: 0.5 + r() * 0.5, colour: hsl(90 + r() * 50, 30 + r() * 40, 20 + r() * 25), detail: Math.floor(r() * 1000) });
  }
  for (let i = 0; i < 1 + Math.floor(r() * 3); i++) {
    things.push({ kind: 'pole', x: -1.2 + r() * 2.4, depth: 1.2 + r() * 2, w: 0.02, h: 0.9 + r() * 0.4, colour: hsl(0, 0, 20 + r() * 40), detail: 0 });
  }
  for (let i = 0; i < Math.floor(r() * 3); i++) {
    things.push({ kind: 'car', x: -1 + r() * 2, depth: 1.3 + r() * 2, w: 0.35, h: 0.16, colour: hsl(r() * 360, 40 + r() * 50, 25 + r() * 45), detail: 0 });
  }
  things.push({ kind: r() < 0.6 ? 'pothole' : 'rubbish', x: -0.3 + r() * 0.6, depth: 1.05 + r() * 0.5, w: 0.25 + r() * 0.25, h: 0.07 + r() * 0.06, colour: hsl(r() * 60, 10 + r() * 30, 12 + r() * 25), detail: Math.floor(r() * 1000) });
  if (r() < 0.5) things.push({ kind: 'sign', x: -1 + r() * 2, depth: 1.4 + r(), w: 0.12, h: 0.7, colour: hsl(r() * 360, 70, 45), detail: 0 });
  const skyHue = 190 + r() * 40;
  return {
    seed,
    sky: [hsl(skyHue, 40 + r() * 40, 45 + r() * 20), hsl(skyHue + 10, 30 + r() * 30, 75 + r() * 15)],
    ground: hsl(30 + r() * 60, 10 + r() * 25, 30 + r() * 25),
    road: hsl(220, 5 + r() * 10, 25 + r() * 20),
    horizon: 0.35 + r() * 0.15,
    things: things.sort((a, b) => b.depth - a.depth),
    texture: Math.floor(r() * 10_000),
  };
}

export const FIRST_LOOK: Camera = { dx: 0, dy: 0, zoom: 1, light: 1, warmth: 0 };

/** The world as an SVG picture of width × height seen through the camera. */
export function sceneSvg(world: World, camera: Camera, width: number, height: number, changed = false): string {
  const r = rng(world.seed * 7 + 3);
  // The grain is drawn in the picture's own coordinates, like sensor noise and the fine texture a
  // lens resolves; another photo of the place gets another grain.
  const grainSeed = world.texture + (camera === FIRST_LOOK ? 0 : 7919);
  const hy = (world.horizon + camera.dy) * height;
  const f = (width / 2.4) * camera.zoom;
  const cx = width / 2;
  // a point at world x, depth d, height above ground y (0 = on the ground); the ground is 1 unit below the eye
  const px = (x: number, d: number) => cx + ((x - camera.dx) / d) * f;
  const py = (y: number, d: number) => hy + ((1 - y) / d) * f * 0.55;
  const parts: string[] = [];
  parts.push(`<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${world.sky[0]}"/><stop offset="1" stop-color="${world.sky[1]}"/></linearGradient>
    <filter id="grain" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="2" seed="${grainSeed}"/><feColorMatrix type="saturate" values="0"/><feComponentTransfer><feFuncA type="linear" slope="0.35"/></feComponentTransfer><feComposite in2="SourceGraphic" operator="in"/></filter>
    <filter id="blotch" x="0" y="0" width="100%" height="100%"><feTurbulence type="turbulence" baseFrequency="0.02" numOctaves="3" seed="${grainSeed + 1}"/><feColorMatrix type="saturate" values="0"/><feComponentTransfer><feFuncA type="linear" slope="0.3"/></feComponentTransfer><feComposite in2="SourceGraphic" operator="in"/></filter></defs>`);
  parts.push(`<rect width="${width}" height="${height}" fill="url(#sky)"/>`);
  parts.push(`<rect y="${hy}" width="${width}" height="${height - hy}" fill="${world.ground}"/>`);
  // the road converges to the vanishing point; its edges are at x = ±0.9 world units
  const far = 60;
  const near = 0.3;
  parts.push(`<polygon points="${px(-0.9, near)},${py(0, near)} ${px(0.9, near)},${py(0, near)} ${px(0.9, far)},${py(0, far)} ${px(-0.9, far)},${py(0, far)}" fill="${world.road}"/>`);
  for (let d = 1; d < 20; d *= 1.5) {
    parts.push(`<polygon points="${px(-0.02, d)},${py(0, d)} ${px(0.02, d)},${py(0, d)} ${px(0.02, d * 1.2)},${py(0, d * 1.2)} ${px(-0.02, d * 1.2)},${py(0, d * 1.2)}" fill="#e8e4d0"/>`);
  }
  parts.push(`<rect y="${hy}" width="${width}" height="${height - hy}" fill="#888" filter="url(#blotch)" opacity="0.8"/>`);
  for (const t of world.things) {
    const x0 = px(t.x - t.w / 2, t.depth);
    const x1 = px(t.x + t.w / 2, t.depth);
    const base = py(0, t.depth);
    const top = py(t.h, t.depth);
    const w = x1 - x0;
    const d = rng(t.detail + 1);
    switch (t.kind) {
      case 'building': {
        parts.push(`<rect x="${x0}" y="${top}" width="${w}" height="${base - top}" fill="${t.colour}"/>`);
        const cols = 2 + Math.floor(d() * 4);
        const rows = 3 + Math.floor(d() * 5);
        const lit = d();
        for (let i = 0; i < cols; i++) {
          for (let j = 0; j < rows; j++) {
            const wx = x0 + (w * (i + 0.25)) / cols;
            const wy = top + ((base - top) * (j + 0.2)) / (rows + 0.5);
            const on = d() < lit;
            parts.push(`<rect x="${wx}" y="${wy}" width="${(w * 0.5) / cols}" height="${((base - top) * 0.5) / rows}" fill="${on ? '#f4e6a8' : '#2a3340'}"/>`);
          }
        }
        break;
      }
      case 'tree':
        parts.push(`<rect x="${x0 + w * 0.45}" y="${top + (base - top) * 0.5}" width="${w * 0.1}" height="${(base - top) * 0.5}" fill="#4a3526"/>`);
        for (let i = 0; i < 6; i++) {
          parts.push(`<circle cx="${x0 + w * (0.2 + d() * 0.6)}" cy="${top + (base - top) * (0.15 + d() * 0.35)}" r="${w * (0.2 + d() * 0.2)}" fill="${t.colour}" opacity="0.9"/>`);
        }
        break;
      case 'pole':
        parts.push(`<rect x="${x0}" y="${top}" width="${Math.max(2, w)}" height="${base - top}" fill="${t.colour}"/><rect x="${x0 - w * 4}" y="${top}" width="${w * 9}" height="${Math.max(2, w * 1.5)}" fill="${t.colour}"/>`);
        break;
      case 'car':
        if (changed) break; // the parked cars have left
        parts.push(`<rect x="${x0}" y="${top}" width="${w}" height="${base - top}" rx="${w * 0.08}" fill="${t.colour}"/><rect x="${x0 + w * 0.2}" y="${top - (base - top) * 0.5}" width="${w * 0.6}" height="${(base - top) * 0.6}" rx="${w * 0.05}" fill="#1d2733"/><circle cx="${x0 + w * 0.2}" cy="${base}" r="${w * 0.08}" fill="#111"/><circle cx="${x1 - w * 0.2}" cy="${base}" r="${w * 0.08}" fill="#111"/>`);
        break;
      case 'pothole':
      case 'rubbish': {
        // after the work: the pothole is patched, the rubbish gone (a lighter patch remains)
        const fill = changed ? world.road : t.colour;
        const pts = Array.from({ length: 9 }, (_, i) => {
          const a = (i / 9) * Math.PI * 2;
          const k = 0.7 + d() * 0.5;
          return `${px(t.x + Math.cos(a) * t.w * 0.5 * k, t.depth)},${py(0, t.depth) + Math.sin(a) * (base - top) * k}`;
        });
        parts.push(`<polygon points="${pts.join(' ')}" fill="${fill}" ${changed ? 'opacity="0.8" stroke="#555" stroke-width="2"' : ''}/>`);
        break;
      }
      case 'sign':
        parts.push(`<rect x="${x0 + w * 0.45}" y="${top}" width="${w * 0.1}" height="${base - top}" fill="#777"/><circle cx="${x0 + w / 2}" cy="${top}" r="${w * 0.5}" fill="${t.colour}"/><rect x="${x0 + w * 0.2}" y="${top - w * 0.08}" width="${w * 0.6}" height="${w * 0.16}" fill="#fff"/>`);
        break;
    }
  }
  parts.push(`<rect width="${width}" height="${height}" fill="#808080" filter="url(#grain)" opacity="${0.25 + r() * 0.2}"/>`);
  const tone = camera.light === 1 && camera.warmth === 0 ? '' : `<rect width="${width}" height="${height}" fill="${camera.warmth > 0 ? '#ff9a3c' : '#3c6cff'}" opacity="${Math.min(0.35, Math.abs(camera.warmth) / 100)}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}${tone}</svg>`;
}

/** The scene as a phone would save it: JPEG, with sensor noise. */
export async function renderScene(world: World, camera: Camera = FIRST_LOOK, width = 1024, height = 768, changed = false): Promise<Buffer> {
  const { data, info } = await sharp(Buffer.from(sceneSvg(world, camera, width, height, changed)))
    .removeAlpha()
    .modulate({ brightness: camera.light })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const noise = rng(world.seed * 31 + Math.round(camera.dx * 1000) + Math.round(camera.light * 100));
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, data[i] + (noise() - 0.5) * 10));
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).jpeg({ quality: 88 }).toBuffer();
}

/** The same place photographed later: camera moved and zoomed, another hour, the work done. */
export function laterCamera(seed: number): Camera {
  const r = rng(seed * 13 + 5);
  const sign = r() < 0.5 ? -1 : 1;
  return { dx: sign * (0.08 + r() * 0.15), dy: (r() - 0.5) * 0.08, zoom: 0.9 + r() * 0.25, light: 0.8 + r() * 0.35, warmth: (r() - 0.5) * 40 };
}
