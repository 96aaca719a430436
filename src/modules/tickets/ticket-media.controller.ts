import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IdParam } from '@app/common';
import { CurrentUser, Role, StaffPrincipal } from '@app/domain';
import { MediaStore } from '../media';
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
  async download(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Res() res: Response): Promise<void> {
    const { file, stream } = await this.media.open(id, async ({ ticketId }) => (ticketId ? this.tickets.isVisible(user, ticketId) : user.role === Role.Admin));
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Length', String(file.size));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // A PDF is shown inside a sandbox: no scripts, no same-origin access to the app.
    res.setHeader('Content-Security-Policy', 'sandbox');
    res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.filename ?? file.id)}`);
    stream.pipe(res);
  }
}
