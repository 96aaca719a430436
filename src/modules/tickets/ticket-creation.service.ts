import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, InvalidFieldException } from '@app/common';
import { StaffPrincipal } from '../auth/staff-principal';
import { CategoriesService } from '../categories/categories.service';
import { Category } from '../categories/category.entity';
import { Citizen } from '../citizens/citizen.entity';
import { CitizensService } from '../citizens/citizens.service';
import { DepartmentsService } from '../departments/departments.service';
import { NeighbourhoodsService } from '../neighbourhoods/neighbourhoods.service';
import { DeadlinePoliciesService } from '../sla/deadline-policies.service';
import { dueDatesFor } from '../sla/due-dates';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { LegalBasis, TicketChannel, TicketKind, TicketPriority } from './ticket-enums';
import { TicketEventType } from './ticket-event.entity';
import { TicketStatus } from './ticket-status';
import { Ticket } from './ticket.entity';
import { appendEvent, searchTextOf } from './timeline';
import { nextTrackingNo } from './tracking-number';

@Injectable()
export class TicketCreation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly categories: CategoriesService,
    private readonly departments: DepartmentsService,
    private readonly mahalleler: NeighbourhoodsService,
    private readonly citizens: CitizensService,
    private readonly policies: DeadlinePoliciesService,
    private readonly clock: Clock,
  ) {}

  /** Everything is checked before the transaction; inside it, all rows are written or none. */
  async create(actor: StaffPrincipal, dto: CreateTicketDto): Promise<Ticket> {
    const category = dto.categoryId ? await this.categories.requireActive(dto.categoryId, 'categoryId') : null;
    const departmentId = dto.departmentId
      ? (await this.departments.requireActive(dto.departmentId, 'departmentId')).id
      : (category?.defaultDepartmentId ?? null);
    if (dto.mahalleId) await this.mahalleler.requireActive(dto.mahalleId, 'mahalleId');
    const citizenOf = await this.citizenResolver(dto);
    const kind = dto.kind ?? category?.kind;
    if (!kind) throw new InvalidFieldException('kind', 'kind: kategori seçilmediğinde başvuru türü gerekli');
    if (dto.channel === TicketChannel.Cimer && !dto.externalRef) {
      throw new InvalidFieldException('externalRef', 'externalRef: CİMER başvuru numarası gerekli');
    }
    if (dto.channel === TicketChannel.Muhtar && !dto.mahalleId) {
      throw new InvalidFieldException('mahalleId', 'mahalleId: muhtar başvurusunda mahalle gerekli');
    }
    const categoryPolicy = category?.deadlinePolicyId ? await this.policies.findById(category.deadlinePolicyId) : null;
    // The law a ticket falls under comes from its kind unless the category's clock is a law;
    // an internal target (the 2–7 day call-back) runs alongside the law, not instead of it.
    const categoryLaw = categoryPolicy && categoryPolicy.legalBasis !== LegalBasis.Internal ? categoryPolicy.legalBasis : null;
    const legalBasis = dto.legalBasis ?? categoryLaw ?? defaultLegalBasis(kind);
    const policy =
      categoryPolicy && [LegalBasis.Internal, legalBasis].includes(categoryPolicy.legalBasis)
        ? categoryPolicy
        : await this.policies.findByLegalBasis(legalBasis);

    return this.dataSource.transaction(async (manager) => {
      const citizen = await citizenOf(manager);
      const now = this.clock.now();
      const trackingNo = await nextTrackingNo(manager, now);
      const due = policy ? dueDatesFor(policy, now) : null;
      const fields = {
        trackingNo,
        subject: dto.subject,
        description: dto.description,
        address: dto.address ?? null,
        externalRef: dto.externalRef ?? null,
      };
      const ticket = await manager.save(
        manager.create(Ticket, {
          ...fields,
          kind,
          channel: dto.channel,
          status: TicketStatus.New,
          priority: dto.priority ?? category?.defaultPriority ?? TicketPriority.Normal,
          categoryId: category?.id ?? null,
          departmentId,
          citizenId: citizen.id,
          mahalleId: dto.mahalleId ?? null,
          latitude: dto.latitude ?? null,
          longitude: dto.longitude ?? null,
          legalBasis,
          deadlinePolicyId: policy?.id ?? null,
          firstResponseDueAt: due?.firstResponseDueAt ?? null,
          resolutionDueAt: due?.resolutionDueAt ?? null,
          searchText: searchTextOf(fields, citizen.fullName),
          createdById: actor.id,
          createdAt: now,
        }),
      );
      await appendEvent(manager, ticket.id, TicketEventType.Created, actor, dto.description, {
        channel: dto.channel,
        departmentId,
        categoryId: category?.id ?? null,
      });
      return ticket;
    });
  }

  /** Checks the citizen part up front, returns the step that runs inside the transaction. */
  private async citizenResolver(dto: CreateTicketDto): Promise<(manager: EntityManager) => Promise<Citizen>> {
    if (dto.citizenId) {
      const citizen = await this.dataSource.getRepository(Citizen).findOneBy({ id: dto.citizenId });
      if (!citizen) throw new InvalidFieldException('citizenId', 'citizenId: böyle bir vatandaş yok');
      return async () => citizen;
    }
    const input = dto.citizen!;
    this.citizens.parseInput(input, 'citizen.');
    return (manager) => this.citizens.findOrCreate(manager, input, 'citizen.');
  }
}

/** Information requests run on Law 4982; everything else a citizen files is a 3071 petition. */
function defaultLegalBasis(kind: TicketKind): LegalBasis {
  return kind === TicketKind.BilgiEdinme ? LegalBasis.Law4982 : LegalBasis.Law3071;
}
