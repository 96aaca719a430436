import { Global, Module } from '@nestjs/common';
import { LiveController } from './live.controller';
import { LivePublisher } from './live.publisher';
import { LiveSubscriber } from './live.subscriber';

@Global()
@Module({
  controllers: [LiveController],
  providers: [LivePublisher, LiveSubscriber],
  exports: [LivePublisher],
})
export class LiveModule {}
