/**
 * Map tiles, read at request time so that a deployment can change them without a rebuild.
 * ADUAN_TILE_URL="" turns tiles off: the map then shows our own boundaries on a plain background.
 */
export function tileConfig() {
  const url = process.env.ADUAN_TILE_URL ?? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
  const attribution =
    process.env.ADUAN_TILE_ATTRIBUTION ??
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';
  return { tileUrl: url, tileAttribution: attribution };
}
