import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam, Page } from '@app/common';
import { Role, Roles } from '@app/domain';
import { CitizensService } from './citizens.service';
import { CitizenInputDto, CitizenQueryDto, CitizenView, ContactPreferencesDto } from './dto/citizen.dto';

/** Citizen look-up for the call centre and desks; department staff reach citizens through tickets. */
@ApiTags('citizens')
@ApiBearerAuth()
@Roles(Role.Agent, Role.Supervisor)
@Controller('citizens')
export class CitizensController {
  constructor(private readonly citizens: CitizensService) {}

  @Get()
  search(@Query() query: CitizenQueryDto): Promise<Page<CitizenView>> {
    return this.citizens.search(query);
  }

  @Get(':id')
  async get(@IdParam() id: string): Promise<CitizenView> {
    return this.citizens.view(await this.citizens.get(id));
  }

  /** Registers a citizen, or returns the one that already has this phone or e-mail. */
  @Post()
  create(@Body() dto: CitizenInputDto): Promise<CitizenView> {
    return this.citizens.create(dto);
  }

  /** Opt-out, consent and language, as the citizen asked at the desk or on the phone. */
  @Patch(':id/preferences')
  preferences(@IdParam() id: string, @Body() dto: ContactPreferencesDto): Promise<CitizenView> {
    return this.citizens.setPreferences(id, dto);
  }
}
