import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IdParam } from '@app/common';
import { CurrentUser, Role, StaffPrincipal } from '@app/domain';
import { MediaStore, sendStoredFile } from '../media';
import { TicketQueries } from './ticket-queries.service';

/**
 * Staff open what citizens sent from the ticket's timeline. A file is read by exactly those who
 * may read the ticket that carries it; one no ticket carries yet, by admins only.
 */
@ApiTags('media')
@ApiBearerAuth()
@Controller('media')
export class TicketMediaController {
  constructor(
    private readonly media: MediaStore,
    private readonly tickets: TicketQueries,
  ) {}

  @Get(':id')
  async download(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Res() res: FastifyReply): Promise<void> {
    const opened = await this.media.open(id, async ({ ticketId }) => (ticketId ? this.tickets.isVisible(user, ticketId) : user.role === Role.Admin));
    await sendStoredFile(res, opened, 'inline');
  }
}
