import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/common';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { DeadlinePoliciesService } from './deadline-policies.service';
import { DeadlinePolicy } from './deadline-policy.entity';
import { CreateDeadlinePolicyDto, UpdateDeadlinePolicyDto } from './dto/deadline-policy.dto';

/** New tickets run on an edited clock from the next ticket on (other processes within 30 s). */
@ApiTags('deadline-policies')
@ApiBearerAuth()
@Controller('deadline-policies')
export class DeadlinePoliciesController {
  constructor(private readonly policies: DeadlinePoliciesService) {}

  @Get()
  list(): Promise<DeadlinePolicy[]> {
    return this.policies.list();
  }

  @Roles(Role.Admin)
  @Post()
  create(@CurrentUser() user: StaffPrincipal, @Body() dto: CreateDeadlinePolicyDto): Promise<DeadlinePolicy> {
    return this.policies.create(user, dto);
  }

  @Roles(Role.Admin)
  @Patch(':id')
  update(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: UpdateDeadlinePolicyDto): Promise<DeadlinePolicy> {
    return this.policies.update(user, id, dto);
  }
}
