import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Min } from 'class-validator';

/** The expiry (Unix seconds) and signature a signed file link carries. */
export class PublicFileQueryDto {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  expires: number;

  @IsString()
  @Length(22, 22)
  signature: string;
}
