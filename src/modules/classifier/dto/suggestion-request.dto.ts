import { IsString, MaxLength } from 'class-validator';

/** A text an agent is typing (the new-ticket form, a call): the classifier's three likeliest categories for it. */
export class SuggestionRequestDto {
  @IsString()
  @MaxLength(50_000, { message: 'text: en fazla 50.000 karakter' })
  text: string;
}
