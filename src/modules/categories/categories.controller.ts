import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/common';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { CategoriesService } from './categories.service';
import { Category } from './category.entity';
import { CategoryQueryDto, CreateCategoryDto, UpdateCategoryDto } from './dto/category.dto';
import { Institution } from './institution.entity';

@ApiTags('categories')
@ApiBearerAuth()
@Controller()
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get('categories')
  list(@Query() query: CategoryQueryDto): Promise<Category[]> {
    return this.categories.list(query.q);
  }

  @Get('categories/:id')
  get(@IdParam() id: string): Promise<Category> {
    return this.categories.get(id);
  }

  @Roles(Role.Admin)
  @Post('categories')
  create(@CurrentUser() user: StaffPrincipal, @Body() dto: CreateCategoryDto): Promise<Category> {
    return this.categories.create(user, dto);
  }

  @Roles(Role.Admin)
  @Patch('categories/:id')
  update(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: UpdateCategoryDto): Promise<Category> {
    return this.categories.update(user, id, dto);
  }

  @Get('institutions')
  institutions(): Promise<Institution[]> {
    return this.categories.listInstitutions();
  }
}
