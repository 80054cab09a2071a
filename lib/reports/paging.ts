/**
 * Paging a list whose total may be counted only up to a cap. Pure: the pages of the public list
 * and of the staff queue ask it what to show, and where an out-of-range page number should go.
 */
export interface PageInput {
  /** The requested page, 1-based. */
  page: number;
  pageSize: number;
  /** Rows counted: exact, or a lower bound when `totalIsLowerBound`. */
  total: number;
  totalIsLowerBound: boolean;
  /** Rows on the requested page. */
  shown: number;
}

export interface Paging {
  page: number;
  /** The last page, or a lower bound of it when the total is. */
  pages: number;
  pagesIsLowerBound: boolean;
  /** 1-based positions of the first and last row shown (0 and 0 when none). */
  from: number;
  to: number;
  hasPrevious: boolean;
  hasNext: boolean;
  /** Set when the requested page lies past the last one: the page to send the reader to instead. */
  redirectTo: number | null;
}

export function paging({ page, pageSize, total, totalIsLowerBound, shown }: PageInput): Paging {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = shown > 0 ? (page - 1) * pageSize + 1 : 0;
  // a capped count is a lower bound, never a last page: there is more after it
  const pastEnd = !totalIsLowerBound && page > pages;
  return {
    page,
    pages,
    pagesIsLowerBound: totalIsLowerBound,
    from,
    to: shown > 0 ? from + shown - 1 : 0,
    hasPrevious: page > 1,
    hasNext: totalIsLowerBound ? shown === pageSize : page < pages,
    redirectTo: pastEnd ? pages : null,
  };
}

/**
 * The count cap for a page: counting stops `cap` rows past the page's first row, so that a page
 * deep in a long list still knows whether rows follow it (the count costs what the offset does).
 */
export function countCapFor(page: number, pageSize: number, cap: number): number {
  return (page - 1) * pageSize + cap;
}
