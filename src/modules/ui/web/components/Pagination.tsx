import { formatNumber, formatTotal } from '../format';

export interface PaginationProps {
  /** 1-based. */
  page: number;
  pageSize: number;
  total: number;
  /** The count stopped at `total` (more exist): the last page is not known, "Sonraki" stays open. */
  totalCapped?: boolean;
  onPage: (page: number) => void;
  /** A list paged by cursor: "Sonraki" asks for the page after this one, open while there is one. */
  next?: { exists: boolean; go: () => void };
  label?: string;
}

/** "Önceki / Sayfa 2 / 7 / Sonraki" (or "/ 200+" past a capped count) for a `Page<T>` answer; nothing when it all fits on one page. */
export function Pagination({ page, pageSize, total, totalCapped = false, onPage, next, label = 'Sayfalar' }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  if (pages <= 1 && !totalCapped) return null;
  const more = totalCapped ? '+' : '';
  return (
    <nav class="pagination" aria-label={label}>
      <button type="button" class="small secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Önceki
      </button>
      <span aria-current="page">
        Sayfa {page} / {formatNumber(pages)}
        {more} ({formatTotal({ total, totalCapped })} kayıt)
      </span>
      <button
        type="button"
        class="small secondary"
        disabled={next ? !next.exists : !totalCapped && page >= pages}
        onClick={() => (next ? next.go() : onPage(page + 1))}
      >
        Sonraki
      </button>
    </nav>
  );
}
