import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The last page any list serves. */
export const MAX_PAGE = 10_000;

export class PageQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  // Deeper pages are reached by filtering, not paging; the bound keeps offsets within reason.
  @Max(MAX_PAGE)
  page: number = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: number = 25;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** Set by lists that stop counting at a bound: true when there are more than `total` items. */
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}

export function pageOf<T>(items: T[], total: number, query: PageQueryDto): Page<T> {
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** A page whose count stopped at `limit`: `counted` is what a count of at most limit + 1 rows found. */
export function cappedPageOf<T>(items: T[], counted: number, limit: number, query: PageQueryDto): Page<T> {
  const totalCapped = counted > limit;
  return { items, total: totalCapped ? limit : counted, totalCapped, page: query.page, pageSize: query.pageSize };
}
