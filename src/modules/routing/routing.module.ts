import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DepartmentsModule } from '../departments/departments.module';
import { AssignBacklogProcessor } from './assign-backlog.processor';
import { RouteTicketProcessor } from './route-ticket.processor';
import { RoutingRule } from './routing-rule.entity';
import { RoutingSweeper } from './routing.sweeper';
import { TicketRouter } from './ticket-router.service';

@Module({
  imports: [TypeOrmModule.forFeature([RoutingRule]), DepartmentsModule],
  providers: [RouteTicketProcessor, AssignBacklogProcessor, RoutingSweeper, TicketRouter],
  exports: [TicketRouter],
})
export class RoutingModule {}
