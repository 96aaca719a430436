import { IsString, Length } from 'class-validator';

export class NoticeTemplateDto {
  @IsString()
  @Length(3, 300)
  subject: string;

  /** Placeholders such as {trackingNo}; one no notice provides is refused when saved. */
  @IsString()
  @Length(3, 1600)
  body: string;
}
