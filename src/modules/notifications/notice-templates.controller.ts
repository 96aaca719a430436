import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { NoticeTemplateDto } from './dto/notice-template.dto';
import { RenderedNotice } from './citizen-notice';
import { NoticeTemplates, NoticeTemplateView } from './notice-templates.service';

/** The wording of what citizens are told, per notice and language; admins may write their own. */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('notice-templates')
export class NoticeTemplatesController {
  constructor(private readonly templates: NoticeTemplates) {}

  @Get()
  list(): Promise<NoticeTemplateView[]> {
    return this.templates.list();
  }

  @Put(':purpose/:locale')
  save(
    @Param('purpose') purpose: string,
    @Param('locale') locale: string,
    @Body() dto: NoticeTemplateDto,
    @CurrentUser() user: StaffPrincipal,
  ): Promise<NoticeTemplateView> {
    return this.templates.save(purpose, locale, dto, user);
  }

  /** The wording filled in with example values, checked as when saved (nothing is stored). */
  @Post(':purpose/:locale/preview')
  @HttpCode(200)
  preview(@Param('purpose') purpose: string, @Param('locale') locale: string, @Body() dto: NoticeTemplateDto): RenderedNotice {
    return this.templates.preview(purpose, locale, dto);
  }

  @Delete(':purpose/:locale')
  @HttpCode(204)
  reset(@Param('purpose') purpose: string, @Param('locale') locale: string, @CurrentUser() user: StaffPrincipal): Promise<void> {
    return this.templates.reset(purpose, locale, user);
  }
}
