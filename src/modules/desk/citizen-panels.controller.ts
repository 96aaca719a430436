import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/common';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { CitizenPanel, CitizenPanels } from './citizen-panels.service';

/** The citizen's panel beside a ticket (whoever may read the ticket) and on an incoming call (the call centre). */
@ApiTags('desk')
@ApiBearerAuth()
@Controller()
export class CitizenPanelsController {
  constructor(private readonly panels: CitizenPanels) {}

  @Get('tickets/:id/citizen-panel')
  forTicket(@CurrentUser() user: StaffPrincipal, @IdParam() id: string): Promise<CitizenPanel> {
    return this.panels.forTicket(user, id);
  }

  @Roles(Role.Agent, Role.Supervisor)
  @Get('citizens/:id/panel')
  forCitizen(@CurrentUser() user: StaffPrincipal, @IdParam() id: string): Promise<CitizenPanel> {
    return this.panels.forCitizen(user, id);
  }
}
