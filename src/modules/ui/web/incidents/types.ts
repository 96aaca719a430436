/** The shapes the incident screens read from /api/v1/incidents. */
export interface IncidentSummary {
  id: string;
  title: string;
  category: { id: string; name: string };
  department: { id: string; name: string };
  startsAt: string;
  endsAt: string | null;
  answeredAt: string | null;
  linked: number;
}

export interface IncidentTicket {
  id: string;
  trackingNo: string;
  subject: string;
  status: string;
  mahalle: string | null;
  createdAt: string;
}

export interface IncidentDetail extends IncidentSummary {
  description: string;
  mahalleIds: string[];
  answerText: string | null;
  answeredByName: string | null;
  tickets: IncidentTicket[];
}

/** Those who work tickets open incidents and link reports; managers and supervisors answer them. */
export const INCIDENT_WORKERS: readonly string[] = ['agent', 'supervisor', 'department_staff', 'department_manager', 'admin'];
export const INCIDENT_ANSWERERS: readonly string[] = ['supervisor', 'department_manager', 'admin'];
