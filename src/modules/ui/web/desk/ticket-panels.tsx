import { Attachments } from './attachments';
import { CitizenPanel } from './citizen-panel';
import { Role } from './deps';
import { ShowContact } from './show-contact';
import { TicketMap } from './ticket-map';
import type { Attachment } from './types';

const CONTACT_ROLES: readonly string[] = [Role.Agent, Role.Supervisor, Role.DepartmentStaff, Role.DepartmentManager, Role.Admin];
const DEPARTMENT: readonly string[] = [Role.DepartmentStaff, Role.DepartmentManager];

export interface DeskTicket {
  id: string;
  kind: string;
  address: string | null;
  latitude: number | string | null;
  longitude: number | string | null;
  mahalle?: { name: string | null } | null;
  applicantHidden?: boolean;
  attachments?: Attachment[];
}

/** What the desk adds to the ticket page, in its main column: the files the citizen sent and the place on a map. */
export function TicketMedia({ ticket }: { ticket: DeskTicket }) {
  const lat = ticket.latitude === null ? null : Number(ticket.latitude);
  const lng = ticket.longitude === null ? null : Number(ticket.longitude);
  return (
    <>
      <Attachments files={ticket.attachments ?? []} />
      <TicketMap latitude={lat} longitude={lng} address={ticket.address} mahalle={ticket.mahalle?.name ?? null} />
    </>
  );
}

/** Beside the ticket: calling back ("Kişiyi göster", click-to-call) and the citizen's other applications. */
export function TicketSide({ ticket, role }: { ticket: DeskTicket; role: string }) {
  const hidden = ticket.applicantHidden || ticket.kind === 'ihbar';
  const contact = CONTACT_ROLES.includes(role) && !(hidden && (DEPARTMENT.includes(role) || role === Role.Agent));
  return (
    <>
      {contact ? (
        <section class="card" aria-label="Vatandaşla iletişim">
          <ShowContact ticketId={ticket.id} />
        </section>
      ) : null}
      {hidden ? null : <CitizenPanel path={`/tickets/${ticket.id}/citizen-panel`} currentId={ticket.id} heading="Vatandaşın başvuruları" />}
    </>
  );
}
