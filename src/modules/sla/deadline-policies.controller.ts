import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DeadlinePoliciesService } from './deadline-policies.service';
import { DeadlinePolicy } from './deadline-policy.entity';

@ApiTags('deadline-policies')
@ApiBearerAuth()
@Controller('deadline-policies')
export class DeadlinePoliciesController {
  constructor(private readonly policies: DeadlinePoliciesService) {}

  @Get()
  list(): Promise<DeadlinePolicy[]> {
    return this.policies.list();
  }
}
