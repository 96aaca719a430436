import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/common';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { CreateOpen311ClientDto } from './dto/open311-client.dto';
import { Open311Client } from './open311-client.entity';
import { Open311Keys } from './open311-keys.service';

/** Admins issue a key per client application (shown once) and revoke it; a revoked key files nothing more. */
@ApiTags('open311')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('open311/clients')
export class Open311ClientsController {
  constructor(private readonly keys: Open311Keys) {}

  @Get()
  list(): Promise<Open311Client[]> {
    return this.keys.list();
  }

  @Post()
  issue(@CurrentUser() actor: StaffPrincipal, @Body() dto: CreateOpen311ClientDto): Promise<Open311Client & { apiKey: string }> {
    return this.keys.issue(actor, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(@IdParam() id: string): Promise<void> {
    await this.keys.revoke(id);
  }
}
