import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IntakeModule } from '../intake/intake.module';
import { TwilioSignatureGuard } from './twilio/twilio-signature.guard';
import { TwilioSmsController } from './twilio/twilio-sms.controller';
import { TwilioVoiceController } from './twilio/twilio-voice.controller';
import { CallLog } from './voice/call-log.entity';
import { CallLogService } from './voice/call-log.service';
import { PhoneStatusService } from './voice/phone-status.service';

/** Provider adapters: each verifies its provider, hands the raw message to intake, and replies on its channel. */
@Module({
  imports: [TypeOrmModule.forFeature([CallLog]), IntakeModule],
  controllers: [TwilioSmsController, TwilioVoiceController],
  providers: [TwilioSignatureGuard, CallLogService, PhoneStatusService],
})
export class ChannelsModule {}
