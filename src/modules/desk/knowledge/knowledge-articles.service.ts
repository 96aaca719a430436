import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { addDays, endOfLocalDay, localDateOf } from '@app/calendar';
import { Clock, foldTurkish, ForbiddenActionException, InvalidFieldException, ResourceNotFoundException, turkishCollator } from '@app/common';
import { Role, StaffPrincipal } from '@app/domain';
import { CategoriesService } from '../../categories';
import { DepartmentsService } from '../../departments';
import { TicketAnswers, TicketQueries } from '../../tickets';
import { DeskErrorCode, DeskException } from '../desk-errors';
import { checkPlaceholders, fillPlaceholders, valuesFor } from '../placeholders';
import { KnowledgeAnswer } from './knowledge-answer.entity';
import { KnowledgeArticle } from './knowledge-article.entity';
import { AnswerWithArticleDto, CreateKnowledgeArticleDto, KnowledgeQueryDto, UpdateKnowledgeArticleDto } from './knowledge.dto';

export interface KnowledgeArticleView {
  id: string;
  title: string;
  body: string;
  category: { id: string; name: string };
  department: { id: string; name: string };
  validUntil: string | null;
  expired: boolean;
  updatedAt: Date;
}

export interface ArticleFigure {
  article: { id: string; title: string };
  /** Tickets answered with it in the period, and of those the calls. */
  answers: number;
  calls: number;
}

/**
 * The bilgi bankası. Every member of staff reads it (the information is the municipality's public
 * answer); a department manager keeps their department's articles, an admin any. An article past
 * its valid-until day is not offered and cannot answer.
 */
@Injectable()
export class KnowledgeArticles {
  constructor(
    @InjectRepository(KnowledgeArticle) private readonly articles: Repository<KnowledgeArticle>,
    @InjectRepository(KnowledgeAnswer) private readonly answers: Repository<KnowledgeAnswer>,
    private readonly categories: CategoriesService,
    private readonly departments: DepartmentsService,
    private readonly tickets: TicketQueries,
    private readonly ticketAnswers: TicketAnswers,
    private readonly clock: Clock,
  ) {}

  async list(query: KnowledgeQueryDto): Promise<KnowledgeArticleView[]> {
    const today = localDateOf(this.clock.now());
    const qb = this.articles.createQueryBuilder('a').leftJoinAndSelect('a.department', 'department').leftJoinAndSelect('a.category', 'category');
    if (!query.includeExpired) qb.andWhere('(a.valid_until IS NULL OR a.valid_until >= :today)', { today });
    if (query.categoryId) qb.andWhere('a.category_id = :categoryId', { categoryId: query.categoryId });
    if (query.departmentId) qb.andWhere('a.department_id = :departmentId', { departmentId: query.departmentId });
    let rows = await qb.getMany();
    if (query.q) {
      // Every word somewhere in the title or the answer, as the ticket search reads its words.
      const words = foldTurkish(query.q).split(/\s+/).filter(Boolean);
      rows = rows.filter((a) => {
        const text = foldTurkish(`${a.title} ${a.body} ${a.category?.name ?? ''}`);
        return words.every((w) => text.includes(w));
      });
    }
    rows.sort((a, b) => turkishCollator.compare(a.title, b.title));
    return rows.map((a) => viewOf(a, today));
  }

  async get(id: string): Promise<KnowledgeArticleView> {
    return viewOf(await this.load(id), localDateOf(this.clock.now()));
  }

  async create(user: StaffPrincipal, dto: CreateKnowledgeArticleDto): Promise<KnowledgeArticleView> {
    // A manager writes for their own department; an admin for the one named, else the subject's.
    const departmentId = dto.departmentId ?? (user.role === Role.Admin ? null : user.departmentId);
    if (departmentId) this.assertMayManage(user, departmentId);
    const category = await this.categories.requireActive(dto.categoryId, 'categoryId');
    const owner = departmentId ?? category.defaultDepartmentId;
    if (!owner) throw new InvalidFieldException('departmentId', 'departmentId: bu konunun birimi yok; maddenin birimini seçin');
    this.assertMayManage(user, owner);
    await this.departments.requireActive(owner, 'departmentId');
    checkPlaceholders('body', dto.body);
    const saved = await this.articles.save(this.articles.create({ ...dto, departmentId: owner, validUntil: dto.validUntil ?? null, createdById: user.id }));
    return this.get(saved.id);
  }

  async update(user: StaffPrincipal, id: string, dto: UpdateKnowledgeArticleDto): Promise<KnowledgeArticleView> {
    const article = await this.load(id);
    this.assertMayManage(user, article.departmentId);
    if (dto.categoryId !== undefined) await this.categories.requireActive(dto.categoryId, 'categoryId');
    if (dto.body !== undefined) checkPlaceholders('body', dto.body);
    const patch = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
    if (Object.keys(patch).length) await this.articles.update({ id }, patch);
    return this.get(id);
  }

  async remove(user: StaffPrincipal, id: string): Promise<void> {
    const article = await this.load(id);
    this.assertMayManage(user, article.departmentId);
    await this.articles.delete({ id });
  }

  /**
   * "Bilgi verildi": the ticket answered with the article's text (its placeholders filled) in one
   * step — the citizen told on their channel through the outbox — and the use counted.
   */
  async answer(user: StaffPrincipal, id: string, dto: AnswerWithArticleDto): Promise<{ ticketId: string; status: string; text: string }> {
    const article = await this.load(id);
    if (article.validUntil !== null && article.validUntil < localDateOf(this.clock.now())) {
      throw new DeskException(
        DeskErrorCode.ArticleExpired,
        `"${article.title}" maddesinin geçerliliği ${article.validUntil} tarihinde sona erdi; yanıt olarak kullanılamaz`,
      );
    }
    const ticket = await this.tickets.getVisible(user, dto.ticketId);
    const text = fillPlaceholders(article.body, valuesFor(ticket, this.clock.now()));
    const answered = await this.ticketAnswers.answer(user, ticket.id, {
      text,
      cause: `kb-${article.id}`,
      data: { knowledgeArticleId: article.id, knowledgeArticleTitle: article.title },
      version: dto.version ?? null,
      also: (manager) =>
        manager.insert(KnowledgeAnswer, { articleId: article.id, ticketId: ticket.id, channel: ticket.channel, userId: user.id, answeredAt: this.clock.now() }),
    });
    return { ticketId: answered.id, status: answered.status, text };
  }

  /** Which articles answered most in the period (Istanbul days, inclusive), the calls among them. */
  async figures(from: string, to: string): Promise<ArticleFigure[]> {
    const rows: { id: string; title: string; answers: string; calls: string }[] = await this.answers.query(
      `SELECT a.id, a.title, count(*) AS answers, count(*) FILTER (WHERE u.channel = 'phone') AS calls
         FROM knowledge_answers u JOIN knowledge_articles a ON a.id = u.article_id
        WHERE u.answered_at > $1 AND u.answered_at <= $2
        GROUP BY a.id, a.title ORDER BY count(*) DESC, a.title`,
      [endOfLocalDay(addDays(from, -1)), endOfLocalDay(to)],
    );
    return rows.map((r) => ({ article: { id: r.id, title: r.title }, answers: Number(r.answers), calls: Number(r.calls) }));
  }

  private assertMayManage(user: StaffPrincipal, departmentId: string | null): void {
    if (user.role === Role.Admin && departmentId) return;
    if (user.role !== Role.DepartmentManager || !departmentId || departmentId !== user.departmentId) {
      throw new ForbiddenActionException('Yalnızca kendi biriminizin bilgi bankası maddelerini yönetebilirsiniz');
    }
  }

  private async load(id: string): Promise<KnowledgeArticle> {
    const article = await this.articles.findOne({ where: { id }, relations: { department: true, category: true } });
    if (!article) throw new ResourceNotFoundException('Bilgi bankası maddesi');
    return article;
  }
}

function viewOf(a: KnowledgeArticle, today: string): KnowledgeArticleView {
  return {
    id: a.id,
    title: a.title,
    body: a.body,
    category: { id: a.category!.id, name: a.category!.name },
    department: { id: a.department!.id, name: a.department!.name },
    validUntil: a.validUntil,
    expired: a.validUntil !== null && a.validUntil < today,
    updatedAt: a.updatedAt,
  };
}
