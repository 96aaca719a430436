import { departmentScope, hidesApplicant, maskPhone, OPEN_STATUSES, StaffPrincipal, STATUS_LABELS } from '@app/domain';
import { TicketEvent } from './ticket-event.entity';
import { Ticket } from './ticket.entity';

/** A ticket as loaded for display, with its category, department, mahalle, citizen and assignee joined. */
export type LoadedTicket = Ticket;

const ref = (entity: { id: string; name?: string; fullName?: string } | null | undefined) =>
  entity ? { id: entity.id, name: entity.name ?? entity.fullName ?? null } : null;

/**
 * A department role sees the contact the application came with; other roles see the citizen's
 * record. Phone numbers are masked for everyone: clear text only through the logged contact endpoint.
 */
function citizenView(ticket: LoadedTicket, viewer: StaffPrincipal) {
  if (!ticket.citizen || hidesApplicant(ticket.kind)) return null;
  if (departmentScope(viewer) !== undefined) return { id: ticket.citizenId, fullName: ticket.contactName, phone: maskPhone(ticket.contactPhone) };
  return { id: ticket.citizen.id, fullName: ticket.citizen.fullName, phone: maskPhone(ticket.citizen.phone) };
}

export function ticketView(ticket: LoadedTicket, now: Date, viewer: StaffPrincipal) {
  const open = OPEN_STATUSES.includes(ticket.status);
  return {
    id: ticket.id,
    trackingNo: ticket.trackingNo,
    version: ticket.version,
    status: ticket.status,
    statusLabel: STATUS_LABELS[ticket.status],
    kind: ticket.kind,
    channel: ticket.channel,
    priority: ticket.priority,
    legalBasis: ticket.legalBasis,
    externalRef: ticket.externalRef,
    subject: ticket.subject,
    description: ticket.description,
    address: ticket.address,
    /** The category's extra fields that were filled, in the category's order, with their labels. */
    fields: (ticket.category?.fields ?? [])
      .filter((f) => ticket.attributes?.[f.code] !== undefined)
      .map((f) => ({ code: f.code, label: f.label, datatype: f.datatype, value: ticket.attributes![f.code] })),
    latitude: ticket.latitude,
    longitude: ticket.longitude,
    category: ticket.category ? { ...ref(ticket.category), serviceCode: ticket.category.serviceCode } : null,
    department: ref(ticket.department),
    mahalle: ref(ticket.mahalle),
    assignee: ref(ticket.assignee),
    citizen: citizenView(ticket, viewer),
    /** An ihbar: who made it is read only through the logged contact action, by supervisors and admins. */
    applicantHidden: hidesApplicant(ticket.kind),
    firstResponseDueAt: ticket.firstResponseDueAt,
    resolutionDueAt: ticket.resolutionDueAt,
    overdue: open && !!ticket.resolutionDueAt && ticket.resolutionDueAt.getTime() < now.getTime(),
    firstRespondedAt: ticket.firstRespondedAt,
    answeredAt: ticket.answeredAt,
    closedAt: ticket.closedAt,
    resolution: ticket.resolution,
    resolutionNote: ticket.resolutionNote,
    mergedIntoId: ticket.mergedIntoId,
    triage: ticket.triage,
    needsReview: ticket.needsReview,
    routedAt: ticket.routedAt,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
  };
}

export type TicketView = ReturnType<typeof ticketView>;

export function eventView(event: TicketEvent) {
  return {
    id: event.id,
    type: event.type,
    actor: event.actorId ? { id: event.actorId, name: event.actorName } : null,
    body: event.body,
    data: event.data,
    createdAt: event.createdAt,
  };
}
