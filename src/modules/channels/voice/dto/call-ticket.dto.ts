import { PickType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { CreateTicketDto } from '../../../tickets';

/** What the agent types while talking; the caller's number makes the citizen. */
export class CallTicketDto extends PickType(CreateTicketDto, ['subject', 'description', 'kind', 'categoryId', 'mahalleId', 'address'] as const) {
  @IsOptional()
  @IsString()
  @Length(2, 160)
  citizenName?: string;

  /** Needed only when the caller's number was withheld. */
  @IsOptional()
  @IsString()
  citizenPhone?: string;

  /** Answered on the phone: the ticket is opened, answered with `resolutionNote` and closed at once. */
  @IsOptional()
  @IsBoolean()
  solvedDuringCall?: boolean;

  @ValidateIf((dto: CallTicketDto) => dto.solvedDuringCall === true)
  @IsString()
  @Length(3, 20_000)
  resolutionNote?: string;
}
