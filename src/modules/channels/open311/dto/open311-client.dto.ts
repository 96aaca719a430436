import { IsString, Length } from 'class-validator';

/** A client application that is to get an Open311 API key. */
export class CreateOpen311ClientDto {
  @IsString()
  @Length(2, 120)
  name: string;
}
