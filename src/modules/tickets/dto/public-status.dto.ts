import { Matches } from 'class-validator';

export class PublicStatusQueryDto {
  @Matches(/^\d{4}$/, { message: 'phoneLast4 must be the last four digits of your phone number' })
  phoneLast4: string;
}
