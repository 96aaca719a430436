import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RouteTicketProcessor } from './route-ticket.processor';
import { RoutingRule } from './routing-rule.entity';
import { RoutingSweeper } from './routing.sweeper';

@Module({
  imports: [TypeOrmModule.forFeature([RoutingRule])],
  providers: [RouteTicketProcessor, RoutingSweeper],
})
export class RoutingModule {}
