import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoriesModule } from '../categories/categories.module';
import { DepartmentsModule } from '../departments/departments.module';
import { TicketsModule } from '../tickets/tickets.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { NeighbourhoodsModule } from '../neighbourhoods/neighbourhoods.module';
import { AssignBacklogProcessor } from './assign-backlog.processor';
import { RouteTicketProcessor } from './route-ticket.processor';
import { RoutingRule } from './routing-rule.entity';
import { RoutingRulesController } from './routing-rules.controller';
import { RoutingRulesService } from './routing-rules.service';
import { RoutingSweeper } from './routing.sweeper';
import { TicketRouter } from './ticket-router.service';

@Module({
  imports: [TypeOrmModule.forFeature([RoutingRule]), CategoriesModule, DepartmentsModule, NeighbourhoodsModule, NotificationsModule, TicketsModule],
  controllers: [RoutingRulesController],
  providers: [RouteTicketProcessor, AssignBacklogProcessor, RoutingSweeper, TicketRouter, RoutingRulesService],
  exports: [TicketRouter],
})
export class RoutingModule {}
