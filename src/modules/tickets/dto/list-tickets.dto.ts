import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateBy, ValidationArguments } from 'class-validator';
import { PageQueryDto } from '@app/common';
import { ATTRIBUTE_FILTER, ATTRIBUTE_FILTER_MESSAGE, TicketChannel, TicketKind, TicketStatus } from '@app/domain';
import { MALFORMED_CURSOR, readCursor } from '../ticket-cursor';
import { DEFAULT_TICKET_SORT, isTicketSort, orderOf, TICKET_SORTS } from '../ticket-sorts';

const toList = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : (Array.isArray(value) ? value : String(value).split(',')).map((v) => String(v).trim());

/** What is wrong with `after` for the list's sort, or null (a wrong `sort` is its own field's error). */
function cursorProblem({ value, object }: ValidationArguments): string | null {
  const sort = (object as ListTicketsDto).sort ?? DEFAULT_TICKET_SORT;
  if (!isTicketSort(sort)) return null;
  if (typeof value !== 'string') return MALFORMED_CURSOR;
  const read = readCursor(value, sort, orderOf(sort));
  return 'problem' in read ? read.problem : null;
}

const IsTicketCursor = () =>
  ValidateBy(
    { name: 'ticketCursor', validator: { validate: (_value, args) => cursorProblem(args!) === null } },
    { message: (args) => cursorProblem(args) ?? MALFORMED_CURSOR },
  );

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListTicketsDto extends PageQueryDto {
  /** One or more, comma-separated. */
  @IsOptional()
  @Transform(toList)
  @IsEnum(TicketStatus, { each: true })
  status?: TicketStatus[];

  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @IsOptional()
  @IsUUID()
  mahalleId?: string;

  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  /** One of the category's extra fields, `code=value` (a list field matches any picked key). */
  @IsOptional()
  @Matches(ATTRIBUTE_FILTER, { message: ATTRIBUTE_FILTER_MESSAGE })
  attribute?: string;

  @IsOptional()
  @IsEnum(TicketChannel)
  channel?: TicketChannel;

  @IsOptional()
  @IsEnum(TicketKind)
  kind?: TicketKind;

  /** Created at or after. */
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  /** Created before. */
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  overdue?: boolean;

  /** Waiting for a human to categorise (the call centre's triage queue). */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  triage?: boolean;

  /** Reopened by a citizen's low survey score or "not solved": for a supervisor to look at. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  needsReview?: boolean;

  /** Assigned to the caller. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  mine?: boolean;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  unassigned?: boolean;

  /** Has an open duplicate suspicion. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  duplicate?: boolean;

  /**
   * The search box: a tracking number (exact), a phone in any spelling, a T.C. Kimlik number, an
   * e-mail, a name or free text (Turkish letters and case are ignored: "sikayet" finds "Şikâyet").
   */
  @IsOptional()
  @IsString()
  @Length(2, 100)
  q?: string;

  @IsOptional()
  @IsIn(TICKET_SORTS)
  sort?: string;

  /**
   * Keyset paging: the previous page's `nextCursor`, for the page after it in the same sort (the
   * filters and the caller's scope apply as on the first page). `page` is then only echoed back,
   * for the pager's number; without `after`, `page` is an offset, as before.
   */
  @IsOptional()
  @IsTicketCursor()
  after?: string;
}
