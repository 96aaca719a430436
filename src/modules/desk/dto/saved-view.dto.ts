import { IsObject, IsString, Length } from 'class-validator';

export class CreateSavedViewDto {
  @IsString()
  @Length(1, 60)
  name: string;

  /** The ticket list's query: ListTicketsDto's fields, checked as the list checks them. */
  @IsObject()
  query: Record<string, unknown>;
}
