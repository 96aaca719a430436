import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export const BULK_ACTIONS = ['assign', 'transfer', 'close'] as const;
export type BulkActionName = (typeof BULK_ACTIONS)[number];

/** One action on a selection of the list; each ticket goes through the action as if done alone. */
export class BulkActionDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids: string[];

  @IsIn(BULK_ACTIONS)
  action: BulkActionName;

  /** `assign`: to whom (a staff member of each ticket's department). */
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  /** `transfer`: to which department. */
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  /** `transfer`: why (the timeline says it). */
  @IsOptional()
  @IsString()
  @Length(3, 2000)
  reason?: string;

  /** `close`: the resolution the citizen is told. */
  @IsOptional()
  @IsString()
  @Length(3, 20_000)
  note?: string;
}
