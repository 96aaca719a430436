import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { InboundChannel } from '../inbound-event.entity';
import { InboundMessage } from '../normalisers';

/** A reply that answers something the municipality asked (a survey): it belongs to that ticket. */
export interface ReplyClaim {
  ticketId: string;
  /** A ticket the reply reopened, for the live news after the commit. */
  reopened: { id: string; trackingNo: string; departmentId: string | null; status: string } | null;
}

/** Reads a citizen's message, in the intake transaction, as a reply to something it asked. */
export interface ReplyClaimant {
  claim(manager: EntityManager, citizenId: string, channel: InboundChannel, message: InboundMessage): Promise<ReplyClaim | null>;
}

/**
 * Who may read a message as a reply before it becomes or joins an application ("5" after a
 * satisfaction survey). The surveys module registers here; intake does not know it by name.
 */
@Injectable()
export class ReplyClaims {
  private readonly claimants: ReplyClaimant[] = [];

  register(claimant: ReplyClaimant): void {
    this.claimants.push(claimant);
  }

  async claim(manager: EntityManager, citizenId: string, channel: InboundChannel, message: InboundMessage): Promise<ReplyClaim | null> {
    for (const claimant of this.claimants) {
      const claim = await claimant.claim(manager, citizenId, channel, message);
      if (claim) return claim;
    }
    return null;
  }
}
