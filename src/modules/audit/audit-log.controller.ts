import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Page, replyStream } from '@app/common';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { AuditQueryDto } from './dto/audit-query.dto';
import { AuditLog, AuditView } from './audit-log.service';

/** The audit log, for administrators: searched on screen, exported as CSV for an inspection. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly log: AuditLog) {}

  @Get()
  search(@Query() query: AuditQueryDto): Promise<Page<AuditView>> {
    return this.log.search(query);
  }

  @Get('export')
  async export(@CurrentUser() user: StaffPrincipal, @Query() query: AuditQueryDto, @Res() res: FastifyReply): Promise<void> {
    res.headers({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="denetim-kaydi.csv"' });
    await this.log.exportCsv(user, query, replyStream(res));
  }
}
