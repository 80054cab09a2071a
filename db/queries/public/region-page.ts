import type { Db } from '../../connect';
import { getRegion, listChildRegions, listPublicCategories } from '../reference';
import { parseFilters } from '@/lib/reports/filters';
import { OPEN_STATUSES } from '@/lib/reports/lifecycle';
import { getRegionFigures } from './region';
import { findPublicReports } from './reports';

/**
 * Everything the region page reads, in one place so that the benchmark explains the very queries
 * the page runs. The lists take their totals from the figures: exact, and no count of up to
 * 10,000 rows per list. Null when there is no such region.
 */
export async function loadRegionPage(db: Db, code: string, now: Date) {
  const region = await getRegion(db, code);
  if (!region) return null;
  const filters = parseFilters({ wilayah: code });
  const [figures, children, ancestors, categories] = await Promise.all([
    getRegionFigures(db, code, now),
    listChildRegions(db, code),
    Promise.all([code.slice(0, 5), code.slice(0, 8)].filter((c) => c.length < code.length).map((c) => getRegion(db, c))),
    listPublicCategories(db),
  ]);
  const [openReports, finishedReports] = await Promise.all([
    findPublicReports(db, { ...filters, status: OPEN_STATUSES }, { page: 1, pageSize: 10, sort: 'terbaru', total: figures.open }),
    findPublicReports(db, { ...filters, status: ['selesai'] }, { page: 1, pageSize: 10, sort: 'terbaru', total: figures.finished }),
  ]);
  return { region, filters, figures, children, ancestors, categories, openReports, finishedReports };
}
