import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/common';
import { CurrentUser, StaffPrincipal } from '@app/domain';
import { CreateSavedViewDto } from './dto/saved-view.dto';
import { SavedViews, SavedViewView } from './saved-views.service';

/** Each staff member's saved filters of the ticket list. */
@ApiTags('desk')
@ApiBearerAuth()
@Controller('desk/views')
export class SavedViewsController {
  constructor(private readonly views: SavedViews) {}

  @Get()
  list(@CurrentUser() user: StaffPrincipal): Promise<SavedViewView[]> {
    return this.views.list(user);
  }

  @Post()
  create(@CurrentUser() user: StaffPrincipal, @Body() dto: CreateSavedViewDto): Promise<SavedViewView> {
    return this.views.create(user, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: StaffPrincipal, @IdParam() id: string): Promise<void> {
    return this.views.remove(user, id);
  }
}
