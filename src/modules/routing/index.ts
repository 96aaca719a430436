export { RoutingModule } from './routing.module';
export { TicketRouter } from './ticket-router.service';
