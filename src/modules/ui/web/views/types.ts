import type { LegalBasis, TicketChannel, TicketKind, TicketStatus } from '@app/domain';

/** The shapes of the API answers the core screens read (only the fields they use). */
export interface Ref {
  id: string;
  name: string;
}

export interface Department extends Ref {
  code: string;
  level: 'baskanlik' | 'baskan_yardimciligi' | 'mudurluk';
  parentId?: string | null;
  autoAssign?: boolean;
  active?: boolean;
}

/** An extra field a category asks for (Open311's attribute datatypes). */
export interface CategoryField {
  code: string;
  label: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  options: { key: string; name: string }[];
  description: string | null;
}

export interface Category extends Ref {
  serviceCode: string;
  kind: TicketKind;
  fields?: CategoryField[];
  keywords?: string[];
  active?: boolean;
  defaultDepartmentId?: string | null;
}

export interface Mahalle extends Ref {
  code: string;
  muhtarName?: string | null;
  muhtarPhone?: string | null;
  active?: boolean;
}

export interface DeadlinePolicy extends Ref {
  code: string;
  legalBasis: LegalBasis;
  resolutionAmount: number;
  resolutionUnit: string;
  firstResponseAmount?: number | null;
  firstResponseUnit?: string | null;
}

export interface TicketRow {
  id: string;
  trackingNo: string;
  subject: string;
  status: TicketStatus;
  channel: TicketChannel;
  kind: TicketKind;
  version: number;
  triage?: boolean;
  overdue?: boolean;
  createdAt: string;
  updatedAt?: string;
  resolutionDueAt?: string | null;
  category?: Ref | null;
  department?: Ref | null;
  mahalle?: Ref | null;
  assignee?: Ref | null;
}

export interface TimelineEvent {
  id: string;
  type: string;
  createdAt: string;
  body?: string | null;
  actor?: { id?: string; name: string } | null;
  data?: Record<string, string | undefined> | null;
}

export interface TicketDetail extends TicketRow {
  description: string;
  address?: string | null;
  routedAt?: string | null;
  firstResponseDueAt?: string | null;
  firstRespondedAt?: string | null;
  citizen?: { id?: string; fullName?: string | null; phone?: string | null } | null;
  duplicates: { id: string; trackingNo: string; status: TicketStatus }[];
  timeline: TimelineEvent[];
  /** The category's extra fields that were filled (plate number, tree count…). */
  fields?: { code: string; label: string; datatype: string; value: string | number | string[] }[];
}

export interface Notice {
  id: string;
  channel: string;
  state: string;
  recipient: string;
  body: string;
  createdAt: string;
  lastError?: string | null;
}
