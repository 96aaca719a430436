import { OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsDateString, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class CreateIncidentDto {
  @IsString()
  @Length(3, 160)
  title: string;

  /** What happened; new reports with similar text are suggested to join. */
  @IsString()
  @Length(3, 2000)
  description: string;

  /** Its subject; the incident belongs to the category's department. */
  @IsUUID()
  categoryId: string;

  /** The mahalle it happened in and the neighbouring ones it reached; absent = the whole district. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  mahalleIds?: string[];

  /** When it began (default: now, less a day, so the first reports are found). */
  @IsOptional()
  @IsDateString({ strict: true })
  startsAt?: string;

  /** When reports stop belonging to it; absent = until answered. */
  @IsOptional()
  @IsDateString({ strict: true })
  endsAt?: string;
}

/** What may change while the incident is open (`endsAt: null`: until answered); its subject, hence its department, stays. */
export class UpdateIncidentDto extends PartialType(OmitType(CreateIncidentDto, ['categoryId'] as const)) {}

export class LinkTicketsDto {
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ticketIds: string[];
}

export class AnswerIncidentDto {
  /** The answer every linked ticket receives, on each citizen's channel. */
  @IsString()
  @Length(3, 2000)
  text: string;
}

export class ListIncidentsDto {
  @IsOptional()
  @IsIn(['open', 'answered'])
  state?: 'open' | 'answered';
}
