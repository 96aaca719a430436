import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/common';
import { Role, Roles } from '@app/domain';
import { CreateMahalleDto, UpdateMahalleDto } from './dto/mahalle.dto';
import { Mahalle } from './mahalle.entity';
import { NeighbourhoodsService } from './neighbourhoods.service';

@ApiTags('mahalleler')
@ApiBearerAuth()
@Controller('mahalleler')
export class NeighbourhoodsController {
  constructor(private readonly mahalleler: NeighbourhoodsService) {}

  @Get()
  list(): Promise<Mahalle[]> {
    return this.mahalleler.list();
  }

  @Get(':id')
  get(@IdParam() id: string): Promise<Mahalle> {
    return this.mahalleler.get(id);
  }

  @Roles(Role.Admin)
  @Post()
  create(@Body() dto: CreateMahalleDto): Promise<Mahalle> {
    return this.mahalleler.create(dto);
  }

  @Roles(Role.Admin)
  @Patch(':id')
  update(@IdParam() id: string, @Body() dto: UpdateMahalleDto): Promise<Mahalle> {
    return this.mahalleler.update(id, dto);
  }
}
