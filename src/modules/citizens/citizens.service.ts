import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AppConfig } from '@app/config';
import { jsonRows, queryPrepared } from '@app/database';
import { Clock, InvalidFieldException, Page, pageOf, ResourceNotFoundException, timeOrderedId } from '@app/common';
import { IdentityKind, maskEmail, maskPhone, normalizePhone } from '@app/domain';
import { ChannelIdentity } from './channel-identity.entity';
import { Citizen } from './citizen.entity';
import { citizensOfIdentities } from './citizens-by-identity';
import { citizenIdsMatching, SearchTerm } from './citizens-by-search-term';
import { CitizenInputDto, CitizenQueryDto, CitizenView, ContactPreferencesDto } from './dto/citizen.dto';
import { PiiAccess } from './pii-access.entity';
import { hashTcKimlik, isValidTcKimlik, maskTcKimlik } from './tc-kimlik';

export interface Identity {
  kind: IdentityKind;
  value: string;
}

const identityKey = (identity: Identity) => `${identity.kind}:${identity.value}`;

/** Identities looked up in one transaction: the citizen behind each, or null for nobody. */
export type KnownIdentities = Map<string, Citizen | null>;

/** The citizens of an intake batch: identities looked up, and new citizens not yet written. */
export interface CitizenBatch {
  known: KnownIdentities;
  drafts: { citizen: Citizen; identities: Identity[] }[];
}

/** The identity a message came from, then the phone and e-mail it gave, which may lead to a known citizen. */
export function identitiesOf(identity: Identity, details: Pick<Partial<Citizen>, 'phone' | 'email'>): Identity[] {
  const all = [identity];
  if (details.phone && identity.kind !== IdentityKind.Phone) all.push({ kind: IdentityKind.Phone, value: details.phone });
  if (details.email && identity.kind !== IdentityKind.Email) all.push({ kind: IdentityKind.Email, value: details.email });
  return all;
}

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
    const identity = phone ? { kind: IdentityKind.Phone, value: phone } : email ? { kind: IdentityKind.Email, value: email } : null;
    if (!identity) throw new InvalidFieldException(`${prefix}phone`, `${prefix}phone: telefon veya e-posta gerekli`);
    const consentGiven = input.contactConsent !== undefined || input.marketingConsent !== undefined;
    return this.findOrCreateByIdentity(manager, identity, {
      fullName: input.fullName ?? null,
      phone,
      email,
      tcKimlikHash: tcHash,
      tcKimlikLast2: tcLast2,
      contactConsent: input.contactConsent ?? false,
      marketingConsent: input.marketingConsent ?? false,
      consentRecordedAt: consentGiven ? this.clock.now() : null,
    });
  }

  /**
   * Finds a citizen by a channel identity (a WhatsApp id, a phone, an e-mail); a new identity
   * whose phone or e-mail is already known joins that citizen; otherwise a citizen is created.
   * With `batch` (an intake batch), identities already looked up are not asked again, and a
   * citizen nobody knows is only drafted: `writeDrafts` inserts the batch's new citizens and
   * their identities together, later in the same transaction.
   */
  async findOrCreateByIdentity(manager: EntityManager, identity: Identity, details: Partial<Citizen>, batch?: CitizenBatch): Promise<Citizen> {
    const known = batch?.known ?? new Map();
    const wanted = identitiesOf(identity, details);
    await this.lookUp(manager, wanted, known);
    const existing = known.get(identityKey(identity));
    const byContact = existing ? null : (wanted.map((i) => known.get(identityKey(i))).find((c) => c) ?? null);
    const draft = batch?.drafts.find((d) => d.citizen === (existing ?? byContact));
    if (draft) {
      // A sender drafted earlier in this batch (an SMS, then a WhatsApp from that phone): its row is not written yet.
      const joining = existing ? [] : wanted.filter((i) => !known.get(identityKey(i)));
      for (const i of joining) {
        draft.identities.push(i);
        known.set(identityKey(i), draft.citizen);
      }
      return Object.assign(draft.citizen, blanksFilled(draft.citizen, details));
    }
    if (existing) return this.fillBlanks(manager, existing, details);
    if (!byContact && batch) {
      const drafted = manager.create(Citizen, { ...details, id: timeOrderedId() });
      batch.drafts.push({ citizen: drafted, identities: wanted });
      for (const i of wanted) known.set(identityKey(i), drafted);
      return drafted;
    }
    const citizen = byContact ?? (await manager.save(manager.create(Citizen, details)));
    const linked = await this.link(
      manager,
      wanted.map((i) => ({ citizenId: citizen.id, ...i })),
    );
    if (!linked.has(identityKey(identity))) {
      // Someone else registered this identity a moment ago: use theirs.
      if (!byContact) await manager.delete(Citizen, { id: citizen.id });
      const theirs = (await citizensOfIdentities(manager, [identity])).get(identityKey(identity))!;
      known.set(identityKey(identity), theirs);
      return theirs;
    }
    for (const i of wanted) if (linked.has(identityKey(i))) known.set(identityKey(i), citizen);
    return byContact ? this.fillBlanks(manager, byContact, details) : citizen;
  }

  /**
   * Inserts a batch's drafted citizens and links their identities, one statement. A draft whose
   * own identity another transaction registered meanwhile is deleted again; the result maps
   * such a draft's id to the citizen who has that identity, for the caller to use instead.
   */
  async writeDrafts(manager: EntityManager, batch: CitizenBatch): Promise<Map<string, Citizen>> {
    if (!batch.drafts.length) return new Map();
    const citizens = jsonRows(
      manager,
      Citizen,
      batch.drafts.map((d) => d.citizen),
      1,
    );
    const identities = jsonRows(
      manager,
      ChannelIdentity,
      batch.drafts.flatMap((d) => d.identities.map((i) => ({ citizenId: d.citizen.id, ...i }))),
      2,
    );
    const inserted = await queryPrepared<Identity[]>(
      manager,
      `WITH c AS (${citizens.insert}) ${identities.insert} ON CONFLICT DO NOTHING RETURNING kind, value`,
      [citizens.json, identities.json],
    );
    const linked = new Set(inserted.map(identityKey));
    const lost = batch.drafts.filter((d) => !linked.has(identityKey(d.identities[0])));
    if (!lost.length) return new Map();
    const owners = await citizensOfIdentities(
      manager,
      lost.map((d) => d.identities[0]),
    );
    await manager.delete(
      Citizen,
      lost.map((d) => d.citizen.id),
    );
    return new Map(lost.map((d) => [d.citizen.id, owners.get(identityKey(d.identities[0]))!]));
  }

  /** Looks up, in one query, the identities `known` does not hold yet (an intake batch's senders). */
  async lookUp(manager: EntityManager, identities: Identity[], known: KnownIdentities = new Map()): Promise<KnownIdentities> {
    const missing = identities.filter((i) => !known.has(identityKey(i)));
    if (!missing.length) return known;
    const found = await citizensOfIdentities(manager, missing);
    for (const i of missing) known.set(identityKey(i), found.get(identityKey(i)) ?? null);
    return known;
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
    const [rows, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(
      rows.map((c) => this.view(c)),
      total,
      query,
    );
  }

  async create(input: CitizenInputDto): Promise<CitizenView> {
    const citizen = await this.dataSource.transaction((manager) => this.findOrCreate(manager, input));
    return this.view(citizen);
  }

  async setPreferences(id: string, dto: ContactPreferencesDto): Promise<CitizenView> {
    const citizen = await this.get(id);
    const now = this.clock.now();
    if (dto.optedOut !== undefined) citizen.optedOutAt = dto.optedOut ? (citizen.optedOutAt ?? now) : null;
    if (dto.contactConsent !== undefined) Object.assign(citizen, { contactConsent: dto.contactConsent, consentRecordedAt: now });
    if (dto.marketingConsent !== undefined) Object.assign(citizen, { marketingConsent: dto.marketingConsent, consentRecordedAt: now });
    if (dto.locale) citizen.locale = dto.locale;
    return this.view(await this.citizens.save(citizen));
  }

  async get(id: string): Promise<Citizen> {
    const citizen = await this.citizens.findOneBy({ id });
    if (!citizen) throw new ResourceNotFoundException('Vatandaş');
    return citizen;
  }

  /** A citizen read on the caller's transaction, or null. */
  find(manager: EntityManager, id: string): Promise<Citizen | null> {
    return manager.findOneBy(Citizen, { id });
  }

  /** The citizen's most recent identity of a kind (the WhatsApp chat an answer goes back to). */
  latestIdentity(manager: EntityManager, citizenId: string, kind: IdentityKind): Promise<ChannelIdentity | null> {
    return manager.findOne(ChannelIdentity, { where: { citizenId, kind }, order: { createdAt: 'DESC' } });
  }

  /** The citizen a phone number belongs to, if any (the caller on the 444 line). */
  async byPhone(phone: string): Promise<Citizen | null> {
    const identity = { kind: IdentityKind.Phone, value: phone };
    return (await citizensOfIdentities(this.dataSource.manager, [identity])).get(identityKey(identity)) ?? null;
  }

  /** The citizens a search term names (the ticket list's search box): see citizenIdsMatching. */
  idsMatching(term: SearchTerm): Promise<string[]> {
    return citizenIdsMatching(this.dataSource.manager, term, this.config.PII_HASH_SECRET);
  }

  /** A citizen's channel identities, oldest first (the panel masks them). */
  identities(citizenId: string): Promise<ChannelIdentity[]> {
    return this.dataSource.getRepository(ChannelIdentity).find({ where: { citizenId }, order: { createdAt: 'ASC' } });
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
      optedOut: citizen.optedOutAt !== null,
      locale: citizen.locale,
      createdAt: citizen.createdAt,
    };
  }

  /** Contact details in clear, recorded in the KVKK access log. */
  async revealContact(citizenId: string, userId: string, purpose: string): Promise<{ name: string | null; phone: string | null; email: string | null }> {
    const citizen = await this.get(citizenId);
    await this.recordAccess(citizenId, userId, purpose);
    return { name: citizen.fullName, phone: citizen.phone, email: citizen.email };
  }

  /** A KVKK access-log row: who read personal data in clear, of whom (when known) and why. */
  async recordAccess(citizenId: string | null, userId: string, purpose: string): Promise<void> {
    await this.dataSource.getRepository(PiiAccess).insert({ citizenId, userId, purpose });
  }

  /** Links identities in one statement; returns those it linked (the others belonged to someone already). */
  private async link(manager: EntityManager, links: (Identity & { citizenId: string })[]): Promise<Set<string>> {
    const inserted = await manager.createQueryBuilder().insert().into(ChannelIdentity).values(links).orIgnore().returning('kind, value').execute();
    return new Set(inserted.raw.map((r: Identity) => identityKey(r)));
  }

  private async fillBlanks(manager: EntityManager, citizen: Citizen, details: Partial<Citizen>): Promise<Citizen> {
    const patch = blanksFilled(citizen, details);
    if (Object.keys(patch).length === 0) return citizen;
    await manager.update(Citizen, { id: citizen.id }, patch);
    return Object.assign(citizen, patch);
  }
}

/** What a message's details add to a citizen: fields it lacks, and a consent given anew (a missing one never withdraws an earlier consent). */
function blanksFilled(citizen: Citizen, details: Partial<Citizen>): Partial<Citizen> {
  const patch: Partial<Citizen> = {};
  for (const key of ['fullName', 'phone', 'email'] as const) {
    if (!citizen[key] && details[key]) patch[key] = details[key];
  }
  if (!citizen.tcKimlikHash && details.tcKimlikHash) {
    Object.assign(patch, { tcKimlikHash: details.tcKimlikHash, tcKimlikLast2: details.tcKimlikLast2 });
  }
  if (!citizen.contactConsent && details.contactConsent) {
    Object.assign(patch, { contactConsent: true, consentRecordedAt: details.consentRecordedAt ?? null });
  }
  return patch;
}
