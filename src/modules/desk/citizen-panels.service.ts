import { Injectable } from '@nestjs/common';
import { departmentScope, hidesApplicant, IdentityKind, maskEmail, maskPhone, StaffPrincipal, TicketChannel } from '@app/domain';
import { Citizen, CitizensService } from '../citizens';
import { CitizenTicketRow, TicketQueries } from '../tickets';

export interface PanelIdentity {
  kind: IdentityKind;
  valueMasked: string | null;
  /** An application of the citizen came on the channel that proves it (a call or SMS its phone, WhatsApp its chat, an e-mail its address). */
  verified: boolean;
}

export interface CitizenPanel {
  citizen: null | {
    id: string;
    fullName: string | null;
    identities: PanelIdentity[];
    consents: { contact: boolean; marketing: boolean; optedOut: boolean; recordedAt: Date | null };
    language: 'tr' | 'en';
  };
  tickets: CitizenTicketRow[];
}

/** Which channels prove which identity: a call or SMS its phone, a WhatsApp message its chat, an e-mail its address. */
const PROVEN_BY: Record<IdentityKind, TicketChannel[]> = {
  [IdentityKind.Phone]: [TicketChannel.Phone, TicketChannel.Sms],
  [IdentityKind.Whatsapp]: [TicketChannel.Whatsapp],
  [IdentityKind.Email]: [TicketChannel.Email],
};

function maskIdentity(kind: IdentityKind, value: string): string | null {
  if (kind === IdentityKind.Email) return maskEmail(value);
  const digits = value.replace(/@.*$/, '').replace(/\D/g, '');
  return maskPhone(value.startsWith('+') ? value : `+${digits}`);
}

/**
 * The citizen beside a ticket and on an incoming call: their tickets across channels and their
 * identities and consents, masked. A department sees its own department's tickets of the citizen
 * and only what the application gave; an ihbar shows no one. Every panel read is logged (KVKK).
 */
@Injectable()
export class CitizenPanels {
  constructor(
    private readonly citizens: CitizensService,
    private readonly tickets: TicketQueries,
  ) {}

  async forTicket(user: StaffPrincipal, ticketId: string): Promise<CitizenPanel> {
    const ticket = await this.tickets.getVisible(user, ticketId);
    if (hidesApplicant(ticket.kind)) return { citizen: null, tickets: [] };
    const citizen = await this.citizens.get(ticket.citizenId);
    const tickets = await this.tickets.ofCitizen(user, citizen.id);
    await this.citizens.recordAccess(citizen.id, user.id, `vatandaş paneli ${ticket.trackingNo}`);
    if (departmentScope(user) === undefined) return { citizen: await this.fullView(citizen, tickets), tickets };
    // A department knows the citizen by what this application gave, not by the citizen's record.
    const identities: PanelIdentity[] = [];
    if (ticket.contactPhone) identities.push({ kind: IdentityKind.Phone, valueMasked: maskPhone(ticket.contactPhone), verified: false });
    if (ticket.contactEmail) identities.push({ kind: IdentityKind.Email, valueMasked: maskEmail(ticket.contactEmail), verified: false });
    return { citizen: { ...this.basics(citizen), fullName: ticket.contactName, identities }, tickets };
  }

  /** On an incoming call (the call centre): the caller's record and all their tickets but the ihbars. */
  async forCitizen(user: StaffPrincipal, citizenId: string): Promise<CitizenPanel> {
    const citizen = await this.citizens.get(citizenId);
    const tickets = await this.tickets.ofCitizen(user, citizen.id);
    await this.citizens.recordAccess(citizen.id, user.id, 'vatandaş paneli (çağrı)');
    return { citizen: await this.fullView(citizen, tickets), tickets };
  }

  private async fullView(citizen: Citizen, tickets: CitizenTicketRow[]): Promise<NonNullable<CitizenPanel['citizen']>> {
    const channels = new Set(tickets.map((t) => t.channel as TicketChannel));
    const identities = (await this.citizens.identities(citizen.id)).map((i) => ({
      kind: i.kind,
      valueMasked: maskIdentity(i.kind, i.value),
      verified: PROVEN_BY[i.kind].some((c) => channels.has(c)),
    }));
    return { ...this.basics(citizen), identities };
  }

  private basics(citizen: Citizen) {
    return {
      id: citizen.id,
      fullName: citizen.fullName,
      identities: [] as PanelIdentity[],
      consents: {
        contact: citizen.contactConsent,
        marketing: citizen.marketingConsent,
        optedOut: citizen.optedOutAt !== null,
        recordedAt: citizen.consentRecordedAt,
      },
      language: citizen.locale,
    };
  }
}
