import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { BusinessCalendarService } from '../../sla';

/**
 * When the 444 line is answered: the business calendar (Law 2429's holidays, the eves from 13:00,
 * the admins' bridge days) with the call centre's own week (VOICE_OPEN_HOURS, any days and hours),
 * closed on holidays or open through them as VOICE_HOLIDAYS says. One calendar, no second parser.
 */
@Injectable()
export class CallCentreHours {
  constructor(
    private readonly calendars: BusinessCalendarService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async isOpen(at: Date): Promise<boolean> {
    const calendar = await this.calendars.withHours(this.dataSource.manager, {
      weeklyHours: this.config.VOICE_OPEN_HOURS,
      holidays: this.config.VOICE_HOLIDAYS,
    });
    return calendar.isWorkingTime(at);
  }
}
