import { Module } from '@nestjs/common';
import { IntakeModule } from '../intake/intake.module';
import { TwilioSmsController } from './twilio/twilio-sms.controller';
import { TwilioSignatureGuard } from './twilio/twilio-signature.guard';

/** Provider adapters: each verifies its provider, hands the raw message to intake, and replies on its channel. */
@Module({
  imports: [IntakeModule],
  controllers: [TwilioSmsController],
  providers: [TwilioSignatureGuard],
})
export class ChannelsModule {}
