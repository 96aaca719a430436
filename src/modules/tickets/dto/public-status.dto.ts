import { Matches } from 'class-validator';

export class PublicStatusQueryDto {
  @Matches(/^\d{4}$/, { message: 'phoneLast4: telefon numaranızın son dört hanesi olmalı' })
  phoneLast4: string;
}
