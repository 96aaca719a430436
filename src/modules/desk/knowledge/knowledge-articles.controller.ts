import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/common';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { ArticleFigure, KnowledgeArticles, KnowledgeArticleView } from './knowledge-articles.service';
import { AnswerWithArticleDto, CreateKnowledgeArticleDto, KnowledgeFiguresQueryDto, KnowledgeQueryDto, UpdateKnowledgeArticleDto } from './knowledge.dto';

/** The bilgi bankası: read by all staff, kept by department managers (their own) and admins. */
@ApiTags('desk')
@ApiBearerAuth()
@Controller('knowledge-articles')
export class KnowledgeArticlesController {
  constructor(private readonly articles: KnowledgeArticles) {}

  @Get()
  list(@Query() query: KnowledgeQueryDto): Promise<KnowledgeArticleView[]> {
    return this.articles.list(query);
  }

  /** Which articles answered most, and how many of those were calls. */
  @Roles(Role.Supervisor, Role.DepartmentManager, Role.Executive)
  @Get('figures')
  figures(@Query() query: KnowledgeFiguresQueryDto): Promise<ArticleFigure[]> {
    return this.articles.figures(query.from, query.to);
  }

  @Get(':id')
  get(@IdParam() id: string): Promise<KnowledgeArticleView> {
    return this.articles.get(id);
  }

  @Roles(Role.DepartmentManager)
  @Post()
  create(@CurrentUser() user: StaffPrincipal, @Body() dto: CreateKnowledgeArticleDto): Promise<KnowledgeArticleView> {
    return this.articles.create(user, dto);
  }

  @Roles(Role.DepartmentManager)
  @Patch(':id')
  update(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: UpdateKnowledgeArticleDto): Promise<KnowledgeArticleView> {
    return this.articles.update(user, id, dto);
  }

  @Roles(Role.DepartmentManager)
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: StaffPrincipal, @IdParam() id: string): Promise<void> {
    return this.articles.remove(user, id);
  }

  /** "Bilgi verildi": the ticket answered with the article, the citizen told on their channel. */
  @Roles(Role.Agent, Role.Supervisor, Role.DepartmentStaff, Role.DepartmentManager)
  @Post(':id/answer')
  @HttpCode(200)
  answer(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: AnswerWithArticleDto) {
    return this.articles.answer(user, id, dto);
  }
}
