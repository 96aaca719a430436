import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { KIND_LABELS, Public, TicketKind } from '@app/domain';
import { CategoriesService, CategoryField } from '../../categories';
import { NeighbourhoodsService } from '../../neighbourhoods';
import { CategorySearchDto } from './dto/public-lists.dto';

const MAX_RESULTS = 50;

/** What the public form offers to pick from: active categories and mahalleler, names only. */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicListsController {
  constructor(
    private readonly categories: CategoriesService,
    private readonly mahalleler: NeighbourhoodsService,
  ) {}

  @Get('categories')
  async searchCategories(
    @Query() query: CategorySearchDto,
  ): Promise<{ id: string; name: string; kind: TicketKind; kindLabel: string; fields: CategoryField[] }[]> {
    const found = await this.categories.list(query.q);
    return found
      .filter((c) => c.active)
      .slice(0, MAX_RESULTS)
      .map((c) => ({ id: c.id, name: c.name, kind: c.kind, kindLabel: KIND_LABELS[c.kind], fields: c.fields }));
  }

  @Get('mahalleler')
  async listMahalleler(): Promise<{ id: string; name: string }[]> {
    return (await this.mahalleler.list()).filter((m) => m.active).map((m) => ({ id: m.id, name: m.name }));
  }
}
