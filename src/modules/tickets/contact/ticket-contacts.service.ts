import { Injectable } from '@nestjs/common';
import { ForbiddenActionException } from '@app/common';
import { departmentScope, hidesApplicant, Role, StaffPrincipal } from '@app/domain';
import { CitizensService } from '../../citizens';
import { TicketQueries } from '../ticket-queries.service';

/** How long the staff screens show a revealed contact before hiding it again. */
export const CONTACT_SHOWN_SECONDS = 60;

export interface RevealedContact {
  name: string | null;
  phone: string | null;
  email: string | null;
}

/**
 * The applicant's contact details in clear, for calling back (the "show contact" action and the
 * browser's click-to-call). Every read writes one KVKK access-log row whose purpose is the
 * ticket's tracking number and the reason the user gave, verbatim: `ticket 2026-000123: <purpose>`
 * (`ihbar 2026-000123: <purpose>` for an informant).
 */
@Injectable()
export class TicketContacts {
  constructor(
    private readonly queries: TicketQueries,
    private readonly citizens: CitizensService,
  ) {}

  async reveal(user: StaffPrincipal, ticketId: string, purpose: string): Promise<RevealedContact> {
    const ticket = await this.queries.getVisible(user, ticketId);
    if (hidesApplicant(ticket.kind)) {
      // The informant: supervisors and admins only, the name too, and the read logged.
      if (user.role !== Role.Supervisor && user.role !== Role.Admin)
        throw new ForbiddenActionException('İhbarda bulunanın kimliği gizlidir; yalnızca çağrı merkezi sorumlusu görebilir');
      const contact = await this.citizens.revealContact(ticket.citizenId, user.id, `ihbar ${ticket.trackingNo}: ${purpose}`);
      return { name: ticket.contactName, phone: contact.phone, email: contact.email };
    }
    const logged = `ticket ${ticket.trackingNo}: ${purpose}`;
    if (departmentScope(user) === undefined) return this.citizens.revealContact(ticket.citizenId, user.id, logged);
    // A department calls back on what the application gave, not on the citizen's record.
    await this.citizens.recordAccess(ticket.citizenId, user.id, logged);
    return { name: ticket.contactName, phone: ticket.contactPhone, email: ticket.contactEmail };
  }
}
