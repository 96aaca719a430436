import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@app/domain';
import { PublicStatsQueryDto } from './public-stats.dto';
import { PublicStats } from './public-stats.service';

/** Transparency without a login: how fast and where the municipality answers, and a map of open and answered applications. */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicStatsController {
  constructor(private readonly stats: PublicStats) {}

  @Get('statistics')
  statistics(@Query() query: PublicStatsQueryDto) {
    return this.stats.statistics(query);
  }

  @Get('map')
  map(@Query() query: PublicStatsQueryDto) {
    return this.stats.map(query);
  }
}
