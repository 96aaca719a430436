import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { CitizensModule } from '../citizens/citizens.module';
import { IntakeModule } from '../intake/intake.module';
import { LiveModule } from '../live/live.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TicketsModule } from '../tickets/tickets.module';
import { TwilioSignatureGuard } from './twilio/twilio-signature.guard';
import { TwilioSmsController } from './twilio/twilio-sms.controller';
import { TwilioSmsSender } from './twilio/twilio-sms.sender';
import { TwilioSmsStatusController } from './twilio/twilio-sms-status.controller';
import { TwilioVoiceController } from './twilio/twilio-voice.controller';
import { CallLog } from './voice/call-log.entity';
import { CallTicketsService } from './voice/call-tickets.service';
import { CallsController } from './voice/calls.controller';
import { CallLogService } from './voice/call-log.service';
import { PhoneStatusService } from './voice/phone-status.service';
import { ScreenPopService } from './voice/screen-pop.service';
import { WebFormModule } from './web-form/web-form.module';

/** Provider adapters: each verifies its provider, hands the raw message to intake, and replies on its channel. */
@Module({
  imports: [TypeOrmModule.forFeature([CallLog]), AuthModule, CitizensModule, IntakeModule, LiveModule, NotificationsModule, TicketsModule, WebFormModule],
  controllers: [TwilioSmsController, TwilioSmsStatusController, TwilioVoiceController, CallsController],
  providers: [TwilioSignatureGuard, TwilioSmsSender, CallLogService, PhoneStatusService, ScreenPopService, CallTicketsService],
})
export class ChannelsModule {}
