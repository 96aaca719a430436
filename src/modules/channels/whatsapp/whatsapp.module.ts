import { OutboundAttachments } from '../outbound-attachments';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IntakeModule } from '../../intake';
import { MediaModule } from '../../media';
import { NotificationsModule } from '../../notifications';
import { TicketsModule } from '../../tickets';
import { CloudApiController } from './cloud-api.controller';
import { CloudApiGraph } from './cloud-api-graph.client';
import { CloudApiInbound } from './cloud-api-inbound.service';
import { CloudApiSender } from './cloud-api.sender';
import { CloudApiSignatureGuard } from './cloud-api-signature.guard';
import { FetchWhatsappMediaProcessor } from './fetch-whatsapp-media.processor';
import { WhatsappMediaFetch } from './whatsapp-media-fetch.entity';
import { WhatsappMediaFiling } from './whatsapp-media-filing';
import { WhatsappMediaSweeper } from './whatsapp-media.sweeper';
import { WhatsappSmsFallback } from './whatsapp-sms-fallback.service';
import { WhatsappStatusController } from './whatsapp-status.controller';
import { WhatsappStatusStore } from './whatsapp-status.store';
import { WHATSAPP_CLIENT_FACTORY, WwebjsClientFactory } from './wwebjs-client.factory';
import { WwebjsInbound } from './wwebjs-inbound.service';
import { WwebjsLease } from './wwebjs-lease';
import { WwebjsSupervisor } from './wwebjs-supervisor.service';
import { WwebjsSender } from './wwebjs.sender';

/** The WhatsApp hotline: whatsapp-web.js or Meta's Cloud API, chosen by WHATSAPP_PROVIDER. */
@Module({
  imports: [TypeOrmModule.forFeature([WhatsappMediaFetch]), IntakeModule, MediaModule, NotificationsModule, TicketsModule],
  controllers: [WhatsappStatusController, CloudApiController],
  providers: [
    { provide: WHATSAPP_CLIENT_FACTORY, useClass: WwebjsClientFactory },
    WhatsappStatusStore,
    WwebjsInbound,
    WwebjsLease,
    WwebjsSupervisor,
    WwebjsSender,
    OutboundAttachments,
    CloudApiGraph,
    CloudApiInbound,
    CloudApiSignatureGuard,
    CloudApiSender,
    WhatsappMediaFiling,
    FetchWhatsappMediaProcessor,
    WhatsappMediaSweeper,
    WhatsappSmsFallback,
  ],
})
export class WhatsappModule {}
