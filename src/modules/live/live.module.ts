import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth';
import { TicketsModule } from '../tickets';
import { LiveController } from './live.controller';
import { LiveTicketHook } from './live-ticket-hook';
import { LivePublisher } from './live.publisher';
import { LiveSubscriber } from './live.subscriber';
import { SessionEnd } from './session-end';

@Global()
@Module({
  imports: [AuthModule, TicketsModule],
  controllers: [LiveController],
  providers: [LivePublisher, LiveSubscriber, LiveTicketHook, SessionEnd],
  exports: [LivePublisher],
})
export class LiveModule {}
