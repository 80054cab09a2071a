/** Where a single report is drawn, and whether that point is only approximate. */
export interface MapPlace {
  lat: number;
  lng: number;
  isApproximate: boolean;
}

/**
 * The report's own (public) position, or else its kelurahan's centre marked approximate: the
 * same rule the map feed applies in SQL (db/queries/public/map.ts), for the report page.
 */
export function placeOf(
  report: { lat: number | null; lng: number | null; locationApproximate: boolean },
  kelurahanCenter: { lat: number; lng: number } | null,
): MapPlace | null {
  if (report.lat !== null && report.lng !== null) return { lat: report.lat, lng: report.lng, isApproximate: report.locationApproximate };
  return kelurahanCenter ? { ...kelurahanCenter, isApproximate: true } : null;
}
