/** Test pictures that look like photos (structure, not one flat colour), generated as SVG for sharp. */

/** A street scene: sky, road, and buildings whose sizes, colours and windows follow the seed. */
export function streetScene(seed: number, width = 800, height = 600): Buffer {
  let s = seed;
  const rand = () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const buildings = Array.from({ length: 7 }, (_, i) => {
    const w = 80 + rand() * 60;
    const h = 120 + rand() * 220;
    const x = i * 115 + rand() * 20;
    const shade = Math.round(80 + rand() * 140);
    const windows = Array.from({ length: 6 }, (_, j) => `<rect x="${x + 10 + (j % 2) * 35}" y="${height * 0.6 - h + 15 + Math.floor(j / 2) * 40}" width="20" height="25" fill="#${rand() > 0.5 ? 'ffe08a' : '333a44'}"/>`).join('');
    return `<rect x="${x}" y="${height * 0.6 - h}" width="${w}" height="${h}" fill="rgb(${shade},${shade - 20},${shade - 40})"/>${windows}`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#6fa8dc"/><stop offset="1" stop-color="#dde9f5"/></linearGradient></defs>
    <rect width="${width}" height="${height}" fill="url(#sky)"/>${buildings}
    <polygon points="0,${height} ${width * 0.42},${height * 0.6} ${width * 0.58},${height * 0.6} ${width},${height}" fill="#555"/>
    <rect x="${width * 0.49}" y="${height * 0.7}" width="8" height="40" fill="#eee"/><rect x="${width * 0.485}" y="${height * 0.85}" width="12" height="50" fill="#eee"/>
  </svg>`;
  return Buffer.from(svg);
}
