import { Global, Module } from '@nestjs/common';
import { TicketsModule } from '../tickets';
import { LiveController } from './live.controller';
import { LiveTicketHook } from './live-ticket-hook';
import { LivePublisher } from './live.publisher';
import { LiveSubscriber } from './live.subscriber';

@Global()
@Module({
  imports: [TicketsModule],
  controllers: [LiveController],
  providers: [LivePublisher, LiveSubscriber, LiveTicketHook],
  exports: [LivePublisher],
})
export class LiveModule {}
