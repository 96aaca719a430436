export enum TicketStatus {
  New = 'new',
  Assigned = 'assigned',
  InProgress = 'in_progress',
  WaitingForCitizen = 'waiting_for_citizen',
  Answered = 'answered',
  Closed = 'closed',
  Rejected = 'rejected',
  Referred = 'referred',
  Reopened = 'reopened',
  Merged = 'merged',
}

const S = TicketStatus;
const WORKING = [S.Answered, S.WaitingForCitizen, S.Rejected, S.Referred, S.Merged];

/** The lifecycle: from each status, where a ticket may go next. */
export const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  [S.New]: [S.Assigned, S.InProgress, ...WORKING],
  [S.Assigned]: [S.New, S.InProgress, ...WORKING],
  [S.InProgress]: [S.New, S.Assigned, ...WORKING],
  [S.WaitingForCitizen]: [S.InProgress, S.Answered, S.Rejected, S.Closed],
  [S.Answered]: [S.Closed, S.Reopened],
  [S.Closed]: [S.Reopened],
  [S.Rejected]: [S.Reopened],
  [S.Referred]: [S.Reopened],
  [S.Reopened]: [S.Assigned, S.InProgress, ...WORKING],
  [S.Merged]: [],
};

/** Statuses in which the municipality still owes the citizen something (the clock runs). */
export const OPEN_STATUSES: readonly TicketStatus[] = [S.New, S.Assigned, S.InProgress, S.WaitingForCitizen, S.Reopened];

/** The open statuses as an SQL list (`'new', 'assigned', …`), for statements whose planner must see the values (a partial index's predicate). */
export const OPEN_STATUSES_SQL = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** What a transition must carry: a rejection its reason, a referral its institution, and so on. */
export const REQUIRED_FOR: Partial<Record<TicketStatus, 'reason' | 'institution' | 'note' | 'assignee' | 'mergedInto'>> = {
  [S.Rejected]: 'reason',
  [S.Referred]: 'institution',
  [S.Answered]: 'note',
  [S.WaitingForCitizen]: 'note',
  [S.Reopened]: 'reason',
  [S.Assigned]: 'assignee',
  [S.Merged]: 'mergedInto',
};

export const STATUS_LABELS: Record<TicketStatus, string> = {
  [S.New]: 'Yeni',
  [S.Assigned]: 'Birime atandı',
  [S.InProgress]: 'İşlemde',
  [S.WaitingForCitizen]: 'Sizden bilgi bekleniyor',
  [S.Answered]: 'Yanıtlandı',
  [S.Closed]: 'Kapatıldı',
  [S.Rejected]: 'Reddedildi (gerekçeli)',
  [S.Referred]: 'İlgili kuruma yönlendirildi',
  [S.Reopened]: 'Yeniden açıldı',
  [S.Merged]: 'Başka bir başvuruyla birleştirildi',
};
