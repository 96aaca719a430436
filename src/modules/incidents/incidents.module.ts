import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoriesModule } from '../categories';
import { NeighbourhoodsModule } from '../neighbourhoods';
import { TicketsModule } from '../tickets';
import { IncidentAnswerProcessor } from './incident-answer.processor';
import { IncidentTicket } from './incident-ticket.entity';
import { Incident } from './incident.entity';
import { IncidentsController } from './incidents.controller';
import { Incidents } from './incidents.service';
import { IncidentsSweeper } from './incidents.sweeper';

/** Incidents: the parent of many reports of one thing, answered once for all of them. */
@Module({
  imports: [TypeOrmModule.forFeature([Incident, IncidentTicket]), CategoriesModule, NeighbourhoodsModule, TicketsModule],
  controllers: [IncidentsController],
  providers: [Incidents, IncidentAnswerProcessor, IncidentsSweeper],
})
export class IncidentsModule {}
