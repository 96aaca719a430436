import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Repository } from 'typeorm';
import { flattenValidationErrors, InvalidFieldException, ResourceNotFoundException, ValidationFailedException } from '@app/common';
import { StaffPrincipal } from '@app/domain';
import { isValidTcKimlik } from '../citizens';
import { ListTicketsDto, parseSearch } from '../tickets';
import { DeskErrorCode, DeskException } from './desk-errors';
import { CreateSavedViewDto } from './dto/saved-view.dto';
import { SavedView } from './saved-view.entity';

/** How many views one user keeps. */
export const MAX_VIEWS_PER_USER = 50;

export interface SavedViewView {
  id: string;
  name: string;
  query: Record<string, unknown>;
  createdAt: Date;
}

const viewOf = (v: SavedView): SavedViewView => ({ id: v.id, name: v.name, query: v.query, createdAt: v.createdAt });

/** Each staff member's saved filters of the ticket list: theirs alone, to read and to delete. */
@Injectable()
export class SavedViews {
  constructor(@InjectRepository(SavedView) private readonly views: Repository<SavedView>) {}

  async list(user: StaffPrincipal): Promise<SavedViewView[]> {
    return (await this.views.find({ where: { userId: user.id }, order: { createdAt: 'ASC', id: 'ASC' } })).map(viewOf);
  }

  async create(user: StaffPrincipal, dto: CreateSavedViewDto): Promise<SavedViewView> {
    await checkListQuery(dto.query);
    // One save per user at a time, so two at once cannot pass the limit together.
    const saved = await this.views.manager.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('saved_views:' || $1))`, [user.id]);
      if ((await manager.countBy(SavedView, { userId: user.id })) >= MAX_VIEWS_PER_USER) {
        throw new DeskException(DeskErrorCode.TooManyViews, `En fazla ${MAX_VIEWS_PER_USER} görünüm kaydedebilirsiniz; önce birini silin`);
      }
      return manager.save(manager.create(SavedView, { userId: user.id, name: dto.name, query: dto.query }));
    });
    return viewOf(saved);
  }

  /** Another user's view is as absent as one that never was. */
  async remove(user: StaffPrincipal, id: string): Promise<void> {
    const { affected } = await this.views.delete({ id, userId: user.id });
    if (!affected) throw new ResourceNotFoundException('Görünüm');
  }
}

/**
 * The list's own validation, so a saved view always opens; its errors name `query.<field>`. A view
 * keeps a filter, not a person: a phone, e-mail or T.C. number in `q` is refused (KVKK).
 */
async function checkListQuery(query: Record<string, unknown>): Promise<void> {
  const dto = plainToInstance(ListTicketsDto, query);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw new ValidationFailedException(flattenValidationErrors(errors, 'query'));
  if (typeof dto.q === 'string') {
    const term = parseSearch(dto.q, isValidTcKimlik);
    if (term.kind !== 'text' && term.kind !== 'tracking') {
      throw new InvalidFieldException('query.q', 'query.q: kayıtlı görünümde telefon, e-posta veya T.C. kimlik numarası aranamaz');
    }
  }
}
