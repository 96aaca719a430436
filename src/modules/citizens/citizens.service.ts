import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock, InvalidFieldException, Page, pageOf, ResourceNotFoundException } from '@app/common';
import { ChannelIdentity, IdentityKind } from './channel-identity.entity';
import { Citizen } from './citizen.entity';
import { CitizenInputDto, CitizenQueryDto, CitizenView } from './dto/citizen.dto';
import { maskEmail, maskPhone, normalizePhone } from './phone';
import { PiiAccess } from './pii-access.entity';
import { hashTcKimlik, isValidTcKimlik, maskTcKimlik } from './tc-kimlik';

@Injectable()
export class CitizensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Citizen) private readonly citizens: Repository<Citizen>,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Normalises and checks a citizen's identifiers; `prefix` names the fields in errors. */
  parseInput(input: CitizenInputDto, prefix = ''): { phone: string | null; tcHash: string | null; tcLast2: string | null } {
    const phone = input.phone ? normalizePhone(input.phone) : null;
    if (input.phone && !phone) {
      throw new InvalidFieldException(`${prefix}phone`, `${prefix}phone: geçerli bir telefon numarası değil`);
    }
    if (input.tcKimlikNo && !isValidTcKimlik(input.tcKimlikNo)) {
      throw new InvalidFieldException(`${prefix}tcKimlikNo`, `${prefix}tcKimlikNo: geçerli bir T.C. kimlik numarası değil`);
    }
    return {
      phone,
      tcHash: input.tcKimlikNo ? hashTcKimlik(input.tcKimlikNo, this.config.PII_HASH_SECRET) : null,
      tcLast2: input.tcKimlikNo ? input.tcKimlikNo.slice(-2) : null,
    };
  }

  /**
   * The citizen this phone or e-mail belongs to, created if new, inside the caller's
   * transaction. Concurrent callers with the same phone end up with one citizen.
   */
  async findOrCreate(manager: EntityManager, input: CitizenInputDto, prefix = ''): Promise<Citizen> {
    const { phone, tcHash, tcLast2 } = this.parseInput(input, prefix);
    const email = input.email?.toLowerCase() ?? null;
    const key = phone ? { kind: IdentityKind.Phone, value: phone } : email ? { kind: IdentityKind.Email, value: email } : null;
    if (!key) throw new InvalidFieldException(`${prefix}phone`, `${prefix}phone: telefon veya e-posta gerekli`);

    const existing = await this.byIdentity(manager, key.kind, key.value);
    if (existing) return this.fillBlanks(manager, existing, input, phone, email, tcHash, tcLast2);

    const consentGiven = input.contactConsent !== undefined || input.marketingConsent !== undefined;
    const citizen = await manager.save(
      manager.create(Citizen, {
        fullName: input.fullName ?? null,
        phone,
        email,
        tcKimlikHash: tcHash,
        tcKimlikLast2: tcLast2,
        contactConsent: input.contactConsent ?? false,
        marketingConsent: input.marketingConsent ?? false,
        consentRecordedAt: consentGiven ? this.clock.now() : null,
      }),
    );
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(ChannelIdentity)
      .values({ citizenId: citizen.id, ...key })
      .orIgnore()
      .returning('id')
      .execute();
    if (inserted.raw.length === 0) {
      // Someone else registered this phone a moment ago: use theirs.
      await manager.delete(Citizen, { id: citizen.id });
      return (await this.byIdentity(manager, key.kind, key.value))!;
    }
    if (phone && email) {
      await manager.createQueryBuilder().insert().into(ChannelIdentity)
        .values({ citizenId: citizen.id, kind: IdentityKind.Email, value: email }).orIgnore().execute();
    }
    return citizen;
  }

  async search(query: CitizenQueryDto): Promise<Page<CitizenView>> {
    const qb = this.citizens.createQueryBuilder('c').orderBy('c.created_at', 'DESC');
    if (query.phone) {
      const phone = normalizePhone(query.phone);
      if (!phone) throw new InvalidFieldException('phone', 'phone: geçerli bir telefon numarası değil');
      qb.andWhere('c.phone = :phone', { phone });
    }
    if (query.tcKimlikNo) {
      const { tcHash } = this.parseInput({ tcKimlikNo: query.tcKimlikNo });
      qb.andWhere('c.tc_kimlik_hash = :tcHash', { tcHash });
    }
    const [rows, total] = await qb.skip((query.page - 1) * query.pageSize).take(query.pageSize).getManyAndCount();
    return pageOf(rows.map((c) => this.view(c)), total, query);
  }

  async create(input: CitizenInputDto): Promise<CitizenView> {
    const citizen = await this.dataSource.transaction((manager) => this.findOrCreate(manager, input));
    return this.view(citizen);
  }

  async get(id: string): Promise<Citizen> {
    const citizen = await this.citizens.findOneBy({ id });
    if (!citizen) throw new ResourceNotFoundException('Vatandaş');
    return citizen;
  }

  /** The masked view every staff response uses. */
  view(citizen: Citizen): CitizenView {
    return {
      id: citizen.id,
      fullName: citizen.fullName,
      phone: maskPhone(citizen.phone),
      email: maskEmail(citizen.email),
      tcKimlikNo: maskTcKimlik(citizen.tcKimlikLast2),
      contactConsent: citizen.contactConsent,
      marketingConsent: citizen.marketingConsent,
      createdAt: citizen.createdAt,
    };
  }

  /** Contact details in clear, recorded in the KVKK access log. */
  async revealContact(citizenId: string, userId: string, purpose: string): Promise<{ phone: string | null; email: string | null }> {
    const citizen = await this.get(citizenId);
    await this.dataSource.getRepository(PiiAccess).insert({ citizenId, userId, purpose });
    return { phone: citizen.phone, email: citizen.email };
  }

  private byIdentity(manager: EntityManager, kind: IdentityKind, value: string): Promise<Citizen | null> {
    return manager
      .createQueryBuilder(Citizen, 'c')
      .innerJoin(ChannelIdentity, 'i', 'i.citizen_id = c.id')
      .where('i.kind = :kind AND i.value = :value', { kind, value })
      .getOne();
  }

  private async fillBlanks(
    manager: EntityManager,
    citizen: Citizen,
    input: CitizenInputDto,
    phone: string | null,
    email: string | null,
    tcHash: string | null,
    tcLast2: string | null,
  ): Promise<Citizen> {
    const patch: Partial<Citizen> = {};
    if (!citizen.fullName && input.fullName) patch.fullName = input.fullName;
    if (!citizen.phone && phone) patch.phone = phone;
    if (!citizen.email && email) patch.email = email;
    if (!citizen.tcKimlikHash && tcHash) Object.assign(patch, { tcKimlikHash: tcHash, tcKimlikLast2: tcLast2 });
    if (Object.keys(patch).length === 0) return citizen;
    await manager.update(Citizen, { id: citizen.id }, patch);
    return Object.assign(citizen, patch);
  }
}
