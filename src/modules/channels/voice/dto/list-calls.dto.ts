import { IsDateString, IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@app/common';
import { CALL_STATUS_RANK, MENU_CHOICES, MenuChoice } from '../call-log.entity';

export class ListCallsDto extends PageQueryDto {
  @IsOptional()
  @IsIn(Object.keys(CALL_STATUS_RANK))
  status?: string;

  @IsOptional()
  @IsIn(MENU_CHOICES)
  menuChoice?: MenuChoice;

  /** Calls that started at or after this instant. */
  @IsOptional()
  @IsDateString()
  from?: string;

  /** Calls that started before this instant. */
  @IsOptional()
  @IsDateString()
  to?: string;
}
