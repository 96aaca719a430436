import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth';
import { CitizensModule } from '../citizens';
import { DepartmentsModule } from '../departments';
import { IntakeModule } from '../intake';
import { LiveModule } from '../live';
import { MediaModule } from '../media';
import { NotificationsModule } from '../notifications';
import { SlaModule } from '../sla';
import { TicketsModule } from '../tickets';
import { ImapMailbox } from './email/imap-mailbox.service';
import { OutboundAttachments } from './outbound-attachments';
import { MailIntake } from './email/mail-intake.service';
import { MailboxCursor } from './email/mailbox-cursor.entity';
import { SmtpEmailSender } from './email/smtp-email.sender';
import { TwilioSignatureGuard } from './twilio/twilio-signature.guard';
import { TwilioSmsController } from './twilio/twilio-sms.controller';
import { TwilioSmsSender } from './twilio/twilio-sms.sender';
import { TwilioSmsStatusController } from './twilio/twilio-sms-status.controller';
import { TwilioVoiceController } from './twilio/twilio-voice.controller';
import { AgentStateChange } from './voice/agent-state-change.entity';
import { AgentStates } from './voice/agent-states.service';
import { CallCentreController } from './voice/call-centre.controller';
import { CallCentreHours } from './voice/call-centre-hours';
import { CallFiguresService } from './voice/call-figures.service';
import { CallLog } from './voice/call-log.entity';
import { CallTicketsService } from './voice/call-tickets.service';
import { CallsController } from './voice/calls.controller';
import { CallLogService } from './voice/call-log.service';
import { PhoneStatusService } from './voice/phone-status.service';
import { ScreenPopService } from './voice/screen-pop.service';
import { VoicemailFiling } from './voice/voicemail-filing';
import { VoicePresence } from './voice/voice-presence.entity';
import { VoicePresenceService } from './voice/voice-presence.service';
import { VoiceTokens } from './voice/voice-tokens.service';
import { VoiceController } from './voice/voice.controller';
import { CallTransfers } from './voice/call-transfer.service';
import { VoicemailRecording } from './voice/voicemail-recording.entity';
import { VoicemailRecordingProcessor } from './voice/voicemail-recording.processor';
import { VoicemailRecordingSweeper } from './voice/voicemail-recording.sweeper';
import { Open311Module } from './open311/open311.module';
import { WallboardService } from './voice/wallboard.service';
import { WebFormModule } from './web-form/web-form.module';
import { WhatsappModule } from './whatsapp/whatsapp.module';

/** Provider adapters: each verifies its provider, hands the raw message to intake, and replies on its channel. */
@Module({
  imports: [
    TypeOrmModule.forFeature([AgentStateChange, CallLog, MailboxCursor, VoicePresence, VoicemailRecording]),
    AuthModule,
    CitizensModule,
    DepartmentsModule,
    IntakeModule,
    LiveModule,
    MediaModule,
    NotificationsModule,
    SlaModule,
    TicketsModule,
    WebFormModule,
    Open311Module,
    WhatsappModule,
  ],
  controllers: [TwilioSmsController, TwilioSmsStatusController, TwilioVoiceController, CallsController, VoiceController, CallCentreController],
  providers: [
    TwilioSignatureGuard,
    TwilioSmsSender,
    OutboundAttachments,
    CallLogService,
    PhoneStatusService,
    ScreenPopService,
    CallTicketsService,
    CallCentreHours,
    VoicemailFiling,
    VoiceTokens,
    VoicePresenceService,
    CallTransfers,
    AgentStates,
    CallFiguresService,
    WallboardService,
    VoicemailRecordingProcessor,
    VoicemailRecordingSweeper,
    MailIntake,
    ImapMailbox,
    SmtpEmailSender,
  ],
  // The staff screens' config tells whether the browser phone is on.
  exports: [VoiceTokens],
})
export class ChannelsModule {}
