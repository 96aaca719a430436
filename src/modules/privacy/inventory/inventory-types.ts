/** How long a kind of personal data is kept before the periodic destruction takes it (the municipality file sets the days). */
export enum RetentionKind {
  /** Applications and everything hanging on them, counted from their closing. */
  Applications = 'applications',
  /** The 444 line's call log: the caller's number and the recording. */
  Calls = 'calls',
  /** Providers' raw inbound payloads (the ticket keeps what was said). */
  RawMessages = 'rawMessages',
  /** Who read personal data in clear (KVKK art. 12's accountability). */
  AccessLog = 'accessLog',
  /** Who did what in the system (logins, admin changes, exports, merges): the audit log. */
  AuditLog = 'auditLog',
  /** The mayor's appointment requests. */
  Appointments = 'appointments',
  /** Staff accounts: kept while employed, under personnel law, not by this job. */
  Employment = 'employment',
  /** Muhtars and escalation contacts: public office holders, kept while in office. */
  Office = 'office',
}

/** What erasing a citizen (or destroying expired data) does to a column. */
export type Erase =
  /** Set to NULL. */
  | 'null'
  /** The citizen's name, phone, e-mail, T.C. number and any e-mail address or 11-digit number in it become `***`; the rest stays. */
  | 'redact'
  /** A NOT NULL identifier replaced whole by `(silindi)`. */
  | 'placeholder'
  /** A unique identifier replaced whole by `(silindi) <the row's id>`, so it stays unique. */
  | 'unique-placeholder'
  /** Rebuilt from the redacted fields (the search key). */
  | 'derived'
  /** The row itself goes (an identity, a stored file). */
  | 'delete-row'
  /** Not a citizen's: staff, public office holders; other rules keep or remove it. */
  | 'keep';

export interface PersonalField {
  table: string;
  column: string;
  /** The data category, as the VERBİS inventory names them (Kimlik, İletişim, Konum, …). */
  category: string;
  /** Why it is processed (Turkish, as the inventory is published). */
  purpose: string;
  /** KVKK art. 5/6 condition and the law that makes it necessary. */
  legalBasis: string;
  retention: RetentionKind;
  erase: Erase;
}

export interface NonPersonalField {
  table: string;
  column: string;
  /** Why no person can be identified from it. */
  why: string;
}
