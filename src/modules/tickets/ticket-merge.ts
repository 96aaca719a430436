import { EntityManager } from 'typeorm';
import { StaffPrincipal } from '@app/domain';
import { DuplicateState, DuplicateSuspicion } from './duplicate-suspicion.entity';
import { TicketEvent, TicketEventType } from './ticket-event.entity';
import { Ticket } from './ticket.entity';
import { appendEvent } from './timeline';

/**
 * Folds a duplicate into the original: the citizen's messages move under the original, both
 * timelines say so, open suspicions between them close, and the duplicate's citizen is told
 * the tracking number to follow from now on.
 */
export async function mergeInto(manager: EntityManager, duplicate: Ticket, originalId: string, actor: StaffPrincipal): Promise<void> {
  const original = await manager.findOneByOrFail(Ticket, { id: originalId });
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
