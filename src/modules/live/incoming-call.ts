import { CitizenView } from '../citizens';

/** The screen-pop an agent gets when a 444 call reaches them: who is calling, and what is open. */
export interface IncomingCall {
  agentId: string;
  callSid: string;
  /** The number as Twilio gave it, masked as everywhere staff see phones. */
  callerMasked: string;
  citizen: CitizenView | null;
  openTickets: { id: string; trackingNo: string; subject: string; status: string; createdAt: string }[];
  at: string;
}
