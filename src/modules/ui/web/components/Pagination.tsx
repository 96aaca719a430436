export interface PaginationProps {
  /** 1-based. */
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  label?: string;
}

/** "Önceki / Sayfa 2 / 7 / Sonraki" for a `Page<T>` answer; nothing when it all fits on one page. */
export function Pagination({ page, pageSize, total, onPage, label = 'Sayfalar' }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={label}>
      <button type="button" class="small secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Önceki
      </button>
      <span aria-current="page">
        Sayfa {page} / {pages} ({total} kayıt)
      </span>
      <button type="button" class="small secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Sonraki
      </button>
    </nav>
  );
}
