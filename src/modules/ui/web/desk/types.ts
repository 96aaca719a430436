/** The shapes the desk reads from /api/v1 (the issue-18 contract). */

export interface Ref {
  id: string;
  name: string | null;
}

export interface TicketRow {
  id: string;
  trackingNo: string;
  version: number;
  status: string;
  statusLabel?: string;
  kind: string;
  channel: string;
  subject: string;
  department: Ref | null;
  assignee: Ref | null;
  citizen: { id: string; fullName: string | null; phone: string | null } | null;
  overdue: boolean;
  resolutionDueAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Attachment {
  id: string;
  kind: 'image' | 'audio' | 'video' | 'document';
  contentType: string;
  filename: string | null;
  size: number;
  createdAt: string;
  source?: string | null;
}

export interface TicketDetail extends TicketRow {
  description: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  mahalle: Ref | null;
  category: (Ref & { serviceCode?: string }) | null;
  applicantHidden?: boolean;
  attachments?: Attachment[];
}

export interface PanelIdentity {
  kind: string;
  valueMasked: string;
  verified: boolean;
}

export interface CitizenPanelData {
  citizen: null | {
    id: string;
    fullName: string | null;
    identities: PanelIdentity[];
    consents: Record<string, unknown>;
    language?: string | null;
  };
  tickets: {
    id: string;
    trackingNo: string;
    subject: string;
    status: string;
    statusLabel: string;
    channel: string;
    createdAt: string;
    department: Ref | null;
    overdue: boolean;
  }[];
}

export interface SavedView {
  id: string;
  name: string;
  query: Record<string, unknown>;
  createdAt: string;
}

export interface CannedAnswer {
  id: string;
  title: string;
  body: string;
  /** Null: a global answer, for every department. */
  department: Ref | null;
}

export interface ContactReveal {
  name?: string | null;
  phone: string | null;
  email: string | null;
  shownForSeconds?: number;
}

export interface UiConfig {
  tileUrl: string;
  tileAttribution: string;
  voice: { configured: boolean; standIn?: boolean };
  standInPhone?: boolean;
}

export interface Category {
  id: string;
  name: string;
  serviceCode: string;
  keywords?: string[];
  active?: boolean;
}

export interface Suggestion {
  categoryId: string | null;
  confident: boolean;
  top: { categoryId: string; name: string; probability: number }[];
}

export interface IncomingCallPop {
  agentId: string;
  callSid: string;
  callerMasked: string;
  citizen: { id: string; fullName: string | null } | null;
  openTickets: { id: string; trackingNo: string; subject: string; status: string; createdAt: string }[];
  at: string;
}
