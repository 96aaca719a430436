import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam, ResourceNotFoundException } from '@app/common';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { PersonalDataDestructions } from './destruction.service';
import { DestructionScheduleDto } from './dto/kvkk.dto';

/** The periodic destruction: its schedule (at most every 180 days) and its records, for administrators. */
@ApiTags('kvkk')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('kvkk/destruction')
export class DestructionController {
  constructor(private readonly destructions: PersonalDataDestructions) {}

  /** The schedule and the latest runs' records. */
  @Get()
  async overview() {
    return { settings: await this.destructions.settings(), runs: await this.destructions.runs() };
  }

  @Put('schedule')
  schedule(@CurrentUser() user: StaffPrincipal, @Body() dto: DestructionScheduleDto) {
    return this.destructions.schedule(user, dto.intervalDays);
  }

  /** A run now; follow it at `runs/:id`. */
  @Post('runs')
  @HttpCode(202)
  async runNow(@CurrentUser() user: StaffPrincipal) {
    const run = await this.destructions.request(user);
    await this.destructions.enqueue([run]);
    return run;
  }

  @Get('runs/:id')
  async run(@IdParam() id: string) {
    const run = await this.destructions.run(id);
    if (!run) throw new ResourceNotFoundException('İmha kaydı');
    return run;
  }
}
