import { PartialType } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { TicketKind } from '@app/domain';

/** At least one of category, mahalle and kind; the most specific matching rule wins. */
export class CreateRoutingRuleDto {
  @IsOptional()
  @IsUUID()
  categoryId?: string | null;

  @IsOptional()
  @IsUUID()
  mahalleId?: string | null;

  @IsOptional()
  @IsEnum(TicketKind)
  kind?: TicketKind | null;

  @IsUUID()
  departmentId: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateRoutingRuleDto extends PartialType(CreateRoutingRuleDto) {}
