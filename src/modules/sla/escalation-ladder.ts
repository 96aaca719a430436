import { EscalationLevel } from './clock-schedule';

export interface LadderPerson {
  userId?: string;
  name: string;
  email?: string | null;
  phone?: string | null;
}

export interface LadderUnit {
  name: string;
  email: string | null;
  /** The unit's manager account and the department managers on it (in-app, e-mail, SMS). */
  managers: LadderPerson[];
  /** Named people outside the app (a başkan yardımcısı): e-mail and SMS. */
  contacts: LadderPerson[];
}

export interface LadderInput {
  level: EscalationLevel;
  assignee: LadderPerson | null;
  department: LadderUnit | null;
  /** The level above the department (the başkan yardımcılığı). */
  parent: LadderUnit | null;
}

export interface Recipient {
  name: string;
  userId?: string;
  email?: string;
  phone?: string;
}

/**
 * Who hears of each step: a warning reaches the assignee and the department (its mailbox and
 * managers); a breach the müdür and the department's escalation contacts; the step beyond the
 * unit above. Each person once, on every channel they can be reached by.
 */
export function ladderRecipients({ level, assignee, department, parent }: LadderInput): Recipient[] {
  const people: LadderPerson[] = [];
  if (level === EscalationLevel.Warning) {
    if (assignee) people.push(assignee);
    if (department) {
      people.push(...department.managers.map((m) => ({ ...m, phone: null })));
      if (department.email) people.push({ name: department.name, email: department.email });
    }
  } else if (level === EscalationLevel.Breach && department) {
    people.push(...department.managers, ...department.contacts);
  } else if (level === EscalationLevel.Further && parent) {
    people.push(...parent.managers, ...parent.contacts);
  }
  const seen = new Set<string>();
  const recipients: Recipient[] = [];
  for (const person of people) {
    const key = person.userId ?? person.email ?? person.phone ?? person.name;
    if (seen.has(key)) continue;
    seen.add(key);
    recipients.push({
      name: person.name,
      ...(person.userId ? { userId: person.userId } : {}),
      ...(person.email ? { email: person.email } : {}),
      ...(person.phone ? { phone: person.phone } : {}),
    });
  }
  return recipients;
}

export const LEVEL_LABELS: Record<EscalationLevel, string> = {
  [EscalationLevel.Warning]: 'Süre uyarısı',
  [EscalationLevel.Breach]: 'Süre aşıldı',
  [EscalationLevel.Further]: 'Üst makama bildirim: süre aşımı sürüyor',
};
