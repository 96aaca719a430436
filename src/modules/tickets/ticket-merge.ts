import { EntityManager } from 'typeorm';
import { AuditAction, AuditEntity, StaffPrincipal, TicketStatus } from '@app/domain';
import { AuditTrail } from '../audit';
import { DuplicateState, DuplicateSuspicion } from './duplicate-suspicion.entity';
import { TicketEvent, TicketEventType } from './ticket-event.entity';
import { Ticket } from './ticket.entity';
import { appendEvent } from './timeline';

/**
 * Folds a duplicate into the original: the citizen's messages move under the original, both
 * timelines say so, open suspicions between them close, and the duplicate's citizen is told
 * the tracking number to follow from now on. The audit log keeps who merged what into what.
 */
export async function mergeInto(
  manager: EntityManager,
  duplicate: Ticket,
  originalId: string,
  actor: StaffPrincipal,
  audit: { trail: AuditTrail; fromStatus: TicketStatus },
): Promise<void> {
  const original = await manager.findOneByOrFail(Ticket, { id: originalId });
  await audit.trail.record(manager, actor, {
    action: AuditAction.TicketMerged,
    entityType: AuditEntity.Ticket,
    entityId: duplicate.id,
    before: { trackingNo: duplicate.trackingNo, status: audit.fromStatus, mergedIntoId: null },
    after: { trackingNo: duplicate.trackingNo, status: TicketStatus.Merged, mergedIntoId: original.id, mergedIntoTrackingNo: original.trackingNo },
  });
  await manager.update(TicketEvent, { ticketId: duplicate.id, type: TicketEventType.MessageIn }, { ticketId: original.id });
  await appendEvent(manager, original.id, TicketEventType.MessageIn, null, duplicate.description, {
    mergedFromId: duplicate.id,
    mergedFromTrackingNo: duplicate.trackingNo,
    citizenId: duplicate.citizenId,
  });
  await appendEvent(manager, original.id, TicketEventType.Merged, actor, null, { mergedFromId: duplicate.id, mergedFromTrackingNo: duplicate.trackingNo });
  await appendEvent(
    manager,
    duplicate.id,
    TicketEventType.ReplyOut,
    actor,
    `${duplicate.trackingNo} numaralı başvurunuz aynı konudaki ${original.trackingNo} numaralı başvuruyla birleştirilmiştir. ` +
      `Başvurunuzun durumunu ${original.trackingNo} numarasıyla takip edebilirsiniz.`,
    { automatic: true, mergedIntoTrackingNo: original.trackingNo },
  );
  await manager
    .createQueryBuilder()
    .update(DuplicateSuspicion)
    .set({ state: DuplicateState.Merged, resolvedById: actor.id })
    .where('state = :open AND ((ticket_id = :a AND original_id = :b) OR (ticket_id = :b AND original_id = :a))', {
      open: DuplicateState.Open,
      a: duplicate.id,
      b: original.id,
    })
    .execute();
}
