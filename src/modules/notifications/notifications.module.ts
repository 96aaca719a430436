import { AuditModule } from '../audit';
import { CitizensModule } from '../citizens';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboundMetrics } from './outbound.metrics';
import { CitizenNotices } from './citizen-notices.service';
import { LocalSender } from './local.sender';
import { OutboundChannel, OutboundMessage } from './outbound-message.entity';
import { OutboundMessages } from './outbound-messages.service';
import { NotifySweeper } from './notify.sweeper';
import { NoticeTemplateOverride } from './notice-template.entity';
import { MunicipalityProfile } from './municipality-profile';
import { NoticeTemplatesController } from './notice-templates.controller';
import { NoticeTemplates } from './notice-templates.service';
import { OutboxController } from './outbox.controller';
import { OutboxService } from './outbox.service';
import { SendMessageProcessor } from './send-message.processor';
import { SenderRegistry } from './sender-registry';
import { StaffNotification } from './staff-notification.entity';
import { StaffNotificationsController } from './staff-notifications.controller';
import { StaffNotifications } from './staff-notifications.service';

/** The outbox: intents written with their cause, sent by the configured provider of each channel, delivery tracked. */
@Module({
  imports: [TypeOrmModule.forFeature([OutboundMessage, StaffNotification, NoticeTemplateOverride]), AuditModule, CitizensModule],
  controllers: [OutboxController, StaffNotificationsController, NoticeTemplatesController],
  providers: [
    OutboundMetrics,
    SenderRegistry,
    OutboundMessages,
    MunicipalityProfile,
    CitizenNotices,
    NoticeTemplates,
    StaffNotifications,
    OutboxService,
    SendMessageProcessor,
    NotifySweeper,
  ],
  exports: [SenderRegistry, OutboundMessages, CitizenNotices, StaffNotifications, OutboxService],
})
export class NotificationsModule implements OnModuleInit {
  constructor(private readonly registry: SenderRegistry) {}

  onModuleInit(): void {
    Object.values(OutboundChannel).forEach((channel) => this.registry.register(new LocalSender(channel)));
  }
}
