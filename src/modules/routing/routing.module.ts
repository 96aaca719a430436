import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { CategoriesModule } from '../categories';
import { DepartmentsModule } from '../departments';
import { TicketsModule } from '../tickets';
import { NotificationsModule } from '../notifications';
import { NeighbourhoodsModule } from '../neighbourhoods';
import { AssignBacklogProcessor } from './assign-backlog.processor';
import { DepartmentBacklog } from './department-backlog.service';
import { RouteTicketProcessor } from './route-ticket.processor';
import { RoutingRule } from './routing-rule.entity';
import { RoutingRulesController } from './routing-rules.controller';
import { RoutingRulesService } from './routing-rules.service';
import { RoutingSweeper } from './routing.sweeper';
import { TicketRouter } from './ticket-router.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([RoutingRule]),
    AuditModule,
    CategoriesModule,
    DepartmentsModule,
    NeighbourhoodsModule,
    NotificationsModule,
    TicketsModule,
  ],
  controllers: [RoutingRulesController],
  providers: [RouteTicketProcessor, AssignBacklogProcessor, DepartmentBacklog, RoutingSweeper, TicketRouter, RoutingRulesService],
  exports: [TicketRouter],
})
export class RoutingModule {}
