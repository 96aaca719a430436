import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, DomainException, ErrorKind, InvalidFieldException, ResourceNotFoundException } from '@app/common';
import { AuditAction, AuditEntity, LegalBasis, StaffPrincipal } from '@app/domain';
import { AuditTrail } from '../audit';
import { CitizensService } from '../citizens';
import { MediaStore } from '../media';
import { CITIZEN_ROWS } from './citizen-rows';
import { EraseDto, RectifyDto } from './dto/kvkk.dto';
import { PersonalDataAction, SubjectRight } from './personal-data-action.entity';
import { PersonalDataEraser } from './personal-data-eraser';

const conflict = (code: string, message: string) => new DomainException(code, ErrorKind.Conflict, message);

const AUDITED: Record<SubjectRight, AuditAction> = {
  [SubjectRight.Export]: AuditAction.PersonalDataExported,
  [SubjectRight.Rectify]: AuditAction.PersonalDataRectified,
  [SubjectRight.Erase]: AuditAction.PersonalDataErased,
};

/**
 * A data subject's rights under KVKK art. 11, each exercised on their application (a ticket on
 * the `kvkk` basis, answered within art. 13's 30 days) and recorded: everything held on them as
 * one document (the read logged), their data corrected, their data erased — anonymised, so the
 * statistics and the non-personal content of their tickets remain.
 */
@Injectable()
export class SubjectRights {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly citizens: CitizensService,
    private readonly eraser: PersonalDataEraser,
    private readonly media: MediaStore,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  /** Art. 11(1)(a–c): every row of every table that holds the citizen's data, as stored. */
  async export(actor: StaffPrincipal, citizenId: string, requestTicketId: string) {
    const request = await this.requestOf(citizenId, requestTicketId);
    const manager = this.dataSource.manager;
    const tickets: string[] = (await manager.query(`SELECT id FROM tickets WHERE citizen_id = $1 ORDER BY created_at`, [citizenId])).map(
      (r: { id: string }) => r.id,
    );
    const phones = (await this.eraser.valuesOf(manager, citizenId)).phones.flatMap((p) => [p, p.replace(/^\+/, '')]);
    const held: Record<string, unknown[]> = {};
    for (const [table, scope] of Object.entries(CITIZEN_ROWS)) {
      // Each scope's predicate names its one parameter `$1`: number them as they are joined.
      const parts: string[] = [];
      const args: unknown[] = [];
      if (scope.tickets) parts.push(scope.tickets.replace('$1', `$${args.push(tickets)}`));
      if (scope.citizen) parts.push(scope.citizen.replace('$1', `$${args.push(scope.byPhone ? phones : citizenId)}`));
      const rows = await manager.query(`SELECT to_jsonb(x) - 'search_text' AS row FROM "${table}" x WHERE ${parts.join(' OR ')}`, args);
      held[table] = rows.map((r: { row: unknown }) => r.row);
    }
    held.ticket_timeline = (await manager.query(`SELECT to_jsonb(e) AS row FROM ticket_events e WHERE ticket_id = ANY($1) ORDER BY seq`, [tickets])).map(
      (r: { row: unknown }) => r.row,
    );
    held.access_log = await manager.query(
      `SELECT a.accessed_at AS "at", u.full_name AS "by", a.purpose FROM pii_access_log a LEFT JOIN users u ON u.id = a.user_id
        WHERE a.citizen_id = $1 ORDER BY a.accessed_at`,
      [citizenId],
    );
    held.rights_exercised = await manager.query(`SELECT action, request_ticket_id, at, details FROM personal_data_actions WHERE citizen_id = $1 ORDER BY at`, [
      citizenId,
    ]);
    await this.citizens.recordAccess(citizenId, actor.id, `KVKK m. 11 dışa aktarım ${request.tracking_no}`);
    await this.record(manager, SubjectRight.Export, citizenId, requestTicketId, actor, { tables: Object.keys(held).filter((t) => held[t].length) });
    return { generatedAt: this.clock.now(), citizenId, request: request.tracking_no, legalBasis: '6698 sayılı KVKK m. 11', data: held };
  }

  /** Art. 11(1)(d): corrects the record, the identities it is found by, and the copies its tickets gave. */
  async rectify(actor: StaffPrincipal, citizenId: string, dto: RectifyDto) {
    await this.requestOf(citizenId, dto.requestTicketId);
    // A null is "not sent" (the optional fields let it through): there is nothing to correct it to.
    const fields = (['fullName', 'phone', 'email', 'tcKimlikNo'] as const).filter((f) => dto[f] != null && dto[f] !== '');
    if (!fields.length) throw new InvalidFieldException('fullName', 'fullName: düzeltilecek en az bir alan (fullName, phone, email, tcKimlikNo) gerekli');
    const { phone, tcHash, tcLast2 } = this.citizens.parseInput(dto);
    const email = dto.email?.toLowerCase();
    return this.dataSource.transaction(async (manager) => {
      const [old] = await manager.query(`SELECT full_name, phone, email FROM citizens WHERE id = $1 AND erased_at IS NULL FOR UPDATE`, [citizenId]);
      if (!old) throw new ResourceNotFoundException('Vatandaş');
      const set: Record<string, unknown> = {};
      if (dto.fullName) set.full_name = dto.fullName;
      if (phone) set.phone = phone;
      if (email) set.email = email;
      if (tcHash) Object.assign(set, { tc_kimlik_hash: tcHash, tc_kimlik_last2: tcLast2 });
      const columns = Object.keys(set);
      await manager.query(`UPDATE citizens SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1`, [citizenId, ...Object.values(set)]);
      await this.moveIdentity(manager, citizenId, 'phone', old.phone, phone);
      await this.moveIdentity(manager, citizenId, 'email', old.email, email);
      for (const [column, before, after] of [
        ['contact_name', old.full_name, dto.fullName],
        ['contact_phone', old.phone, phone],
        ['contact_email', old.email, email],
      ] as const) {
        if (after && before) await manager.query(`UPDATE tickets SET ${column} = $3 WHERE citizen_id = $1 AND ${column} = $2`, [citizenId, before, after]);
      }
      await this.record(manager, SubjectRight.Rectify, citizenId, dto.requestTicketId, actor, { fields });
      return this.citizens.view((await this.citizens.find(manager, citizenId))!);
    });
  }

  /**
   * Art. 11(1)(e) and art. 7: anonymises the citizen's tickets (but those under a legal hold) and,
   * when none is held, their record. Notices still waiting to go must go first: the applicant is
   * owed the answer to this very request.
   */
  async erase(actor: StaffPrincipal, citizenId: string, dto: EraseDto) {
    await this.requestOf(citizenId, dto.requestTicketId);
    const { files, result } = await this.dataSource.transaction(async (manager) => {
      const [citizen] = await manager.query(`SELECT erased_at FROM citizens WHERE id = $1 FOR UPDATE`, [citizenId]);
      if (!citizen) throw new ResourceNotFoundException('Vatandaş');
      if (citizen.erased_at) throw conflict('CITIZEN_ALREADY_ERASED', 'Bu vatandaşın kişisel verileri zaten silindi');
      const [{ waiting }] = await manager.query(
        `SELECT count(*)::int AS waiting FROM outbound_messages WHERE state IN ('pending', 'sending')
            AND (citizen_id = $1 OR ticket_id IN (SELECT id FROM tickets WHERE citizen_id = $1))`,
        [citizenId],
      );
      if (waiting) throw conflict('NOTICES_PENDING', `Gönderilmeyi bekleyen ${waiting} bildirim var; gönderildikten sonra silinebilir`);
      const tickets: { id: string; tracking_no: string; held: boolean }[] = await manager.query(
        `SELECT t.id, t.tracking_no, EXISTS (SELECT 1 FROM legal_holds h WHERE h.ticket_id = t.id AND h.released_at IS NULL) AS held
           FROM tickets t WHERE t.citizen_id = $1 AND t.personal_data_erased_at IS NULL FOR UPDATE OF t`,
        [citizenId],
      );
      const person = await this.eraser.valuesOf(manager, citizenId);
      const free = tickets.filter((t) => !t.held).map((t) => t.id);
      const held = tickets.filter((t) => t.held).map((t) => t.tracking_no);
      const ofTickets = await this.eraser.eraseTickets(manager, person, free);
      const ofCitizen = held.length ? null : await this.eraser.eraseCitizen(manager, citizenId, person);
      const rows = { ...ofTickets.rows, ...(ofCitizen?.rows ?? {}) };
      await this.record(manager, SubjectRight.Erase, citizenId, dto.requestTicketId, actor, { reason: dto.reason, tickets: free.length, held, rows });
      return {
        files: [...ofTickets.files, ...(ofCitizen?.files ?? [])],
        result: { erasedTickets: free.length, heldTickets: held, citizenErased: !held.length, rows },
      };
    });
    await this.media.removeUnreferenced(files);
    return result;
  }

  /** The request must be this citizen's KVKK application. */
  private async requestOf(citizenId: string, requestTicketId: string): Promise<{ tracking_no: string }> {
    const [ticket] = await this.dataSource.query(`SELECT tracking_no FROM tickets WHERE id = $1 AND citizen_id = $2 AND legal_basis = $3`, [
      requestTicketId,
      citizenId,
      LegalBasis.Kvkk,
    ]);
    if (!ticket) throw new InvalidFieldException('requestTicketId', 'requestTicketId: bu vatandaşın KVKK başvurusu (6698 s. Kanun m. 11) olmalı');
    return ticket;
  }

  private async moveIdentity(manager: EntityManager, citizenId: string, kind: string, before: string | null, after: string | null | undefined) {
    if (!after || after === before) return;
    const [taken] = await manager.query(`SELECT citizen_id FROM citizen_identities WHERE kind = $1 AND value = $2`, [kind, after]);
    if (taken && taken.citizen_id !== citizenId) {
      throw new DomainException('IDENTITY_TAKEN', ErrorKind.Conflict, `${kind} başka bir vatandaşa kayıtlı`, [
        { field: kind, message: `${kind}: başka bir vatandaşa kayıtlı` },
      ]);
    }
    if (before) await manager.query(`DELETE FROM citizen_identities WHERE citizen_id = $1 AND kind = $2 AND value = $3`, [citizenId, kind, before]);
    if (!taken) await manager.query(`INSERT INTO citizen_identities (citizen_id, kind, value) VALUES ($1, $2, $3)`, [citizenId, kind, after]);
  }

  /** The right's own record, and its audit entry with the same details (names and counts, never values). */
  private async record(manager: EntityManager, action: SubjectRight, citizenId: string, requestTicketId: string, actor: StaffPrincipal, details: object) {
    await manager.insert(PersonalDataAction, { action, citizenId, requestTicketId, actorId: actor.id, details: details as never });
    await this.audit.record(manager, actor, {
      action: AUDITED[action],
      entityType: AuditEntity.Citizen,
      entityId: citizenId,
      after: { requestTicketId, ...details },
    });
  }
}
