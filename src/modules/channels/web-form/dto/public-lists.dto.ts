import { IsOptional, IsString, MaxLength } from 'class-validator';

export class CategorySearchDto {
  /** Matched without Turkish letters or case: "cop" finds "Çöp". */
  @IsOptional()
  @IsString()
  @MaxLength(60, { message: 'q: arama en fazla 60 karakter olabilir' })
  q?: string;
}
