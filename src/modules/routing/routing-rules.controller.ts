import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/common';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { CreateRoutingRuleDto, UpdateRoutingRuleDto } from './dto/routing-rule.dto';
import { RoutingRule } from './routing-rule.entity';
import { RoutingRulesService } from './routing-rules.service';

/** New tickets follow these from the next routing on (other processes within 30 s). */
@ApiTags('routing')
@ApiBearerAuth()
@Controller('routing-rules')
export class RoutingRulesController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Roles(Role.Admin, Role.Supervisor, Role.Executive)
  @Get()
  list(): Promise<RoutingRule[]> {
    return this.rules.list();
  }

  @Roles(Role.Admin)
  @Post()
  create(@CurrentUser() user: StaffPrincipal, @Body() dto: CreateRoutingRuleDto): Promise<RoutingRule> {
    return this.rules.create(user, dto);
  }

  @Roles(Role.Admin)
  @Patch(':id')
  update(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: UpdateRoutingRuleDto): Promise<RoutingRule> {
    return this.rules.update(user, id, dto);
  }

  @Roles(Role.Admin)
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: StaffPrincipal, @IdParam() id: string): Promise<void> {
    return this.rules.remove(user, id);
  }
}
