import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/common';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { CannedAnswers, CannedAnswerView } from './canned-answers.service';
import { CannedAnswerQueryDto, CreateCannedAnswerDto, RenderCannedAnswerDto, UpdateCannedAnswerDto } from './dto/canned-answer.dto';

/** Hazır yanıtlar: read by all staff within their reach, kept by department managers and supervisors. */
@ApiTags('desk')
@ApiBearerAuth()
@Controller('canned-answers')
export class CannedAnswersController {
  constructor(private readonly answers: CannedAnswers) {}

  @Get()
  list(@CurrentUser() user: StaffPrincipal, @Query() query: CannedAnswerQueryDto): Promise<CannedAnswerView[]> {
    return this.answers.list(user, query);
  }

  @Roles(Role.Supervisor, Role.DepartmentManager)
  @Post()
  create(@CurrentUser() user: StaffPrincipal, @Body() dto: CreateCannedAnswerDto): Promise<CannedAnswerView> {
    return this.answers.create(user, dto);
  }

  @Roles(Role.Supervisor, Role.DepartmentManager)
  @Patch(':id')
  update(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: UpdateCannedAnswerDto): Promise<CannedAnswerView> {
    return this.answers.update(user, id, dto);
  }

  @Roles(Role.Supervisor, Role.DepartmentManager)
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: StaffPrincipal, @IdParam() id: string): Promise<void> {
    return this.answers.remove(user, id);
  }

  /** The answer's text with {takipNo}, {adSoyad}, {tarih}, {birim} and {konu} filled from a ticket the caller may read. */
  @Post(':id/render')
  @HttpCode(200)
  render(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: RenderCannedAnswerDto): Promise<{ text: string }> {
    return this.answers.render(user, id, dto.ticketId);
  }
}
