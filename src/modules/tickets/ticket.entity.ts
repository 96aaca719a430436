import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';
import { LegalBasis, TicketChannel, TicketKind, TicketPriority, TicketStatus } from '@app/domain';
import { Category } from '../categories';
import { Citizen } from '../citizens';
import { Department } from '../departments';
import { Mahalle } from '../neighbourhoods';
import { User } from '../auth';

@Entity('tickets')
@Index(['departmentId', 'status', 'createdAt'])
@Index(['status', 'resolutionDueAt'])
@Index(['routedAt', 'createdAt'], { where: 'routed_at IS NULL' })
@Index(['departmentId', 'createdAt'], { where: 'needs_review' })
// The desk's search box and "Tüm başvurular" list the latest changed first; the id orders ties.
@Index(['updatedAt', 'id'])
// The duplicate search: a citizen's / a mahalle's tickets of one category, newest week, oldest
// first (they also serve lookups by citizen or by mahalle alone).
@Index(['citizenId', 'categoryId', 'createdAt'])
@Index(['mahalleId', 'categoryId', 'createdAt'])
// The mahalle's open ones only, where the similar-text search walks them; created in SQL (its
// predicate is the open statuses), not by TypeORM.
@Index('idx_tickets_open_mahalle_category', { synchronize: false })
// Trigram index for diacritic-free search; created in SQL (gin_trgm_ops), not by TypeORM.
@Index('idx_tickets_search_trgm', { synchronize: false })
export class Ticket {
  @TimeOrderedPrimaryKey()
  id: string;

  /** Human tracking number, `2026-000123`, gap-free per year. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 20 })
  trackingNo: string;

  @Column({ type: 'enum', enum: TicketKind, enumName: 'ticket_kind' })
  kind: TicketKind;

  @Index()
  @Column({ type: 'enum', enum: TicketChannel, enumName: 'ticket_channel' })
  channel: TicketChannel;

  @Column({ type: 'enum', enum: TicketStatus, enumName: 'ticket_status', default: TicketStatus.New })
  status: TicketStatus;

  @Column({ type: 'enum', enum: TicketPriority, enumName: 'ticket_priority', default: TicketPriority.Normal })
  priority: TicketPriority;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  categoryId: string | null;

  @ManyToOne(() => Category, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: Category | null;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Department | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: User | null;

  @Column({ type: 'uuid' })
  citizenId: string;

  @ManyToOne(() => Citizen, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'citizen_id' })
  citizen?: Citizen;

  /**
   * The contact this application came with: what the citizen gave on it, or what the staff member
   * typed. Department roles see these, never the citizen's record, which other applications fed.
   */
  @Column({ type: 'varchar', length: 160, nullable: true })
  contactName: string | null;

  /** Indexed: the search box finds an application by the phone it gave. */
  @Index()
  @Column({ type: 'varchar', length: 20, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'uuid', nullable: true })
  mahalleId: string | null;

  @ManyToOne(() => Mahalle, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mahalle_id' })
  mahalle?: Mahalle | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  address: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Column({ type: 'enum', enum: LegalBasis, enumName: 'legal_basis' })
  legalBasis: LegalBasis;

  /** A reference from outside: the CİMER application number, for instance. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  externalRef: string | null;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  /** Its category's extra fields as the citizen or staff filled them, by field code. */
  @Column({ type: 'jsonb', nullable: true })
  attributes: Record<string, string | number | string[]> | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'uuid', nullable: true })
  deadlinePolicyId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  firstResponseDueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolutionDueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  firstRespondedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** How it ended: answered, rejected, referred, merged… */
  @Column({ type: 'varchar', length: 30, nullable: true })
  resolution: string | null;

  @Column({ type: 'text', nullable: true })
  resolutionNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  referredToInstitutionId: string | null;

  @Column({ type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  /** When routing put it in a department inbox (or referred it); null while it waits for routing. */
  @Column({ type: 'timestamptz', nullable: true })
  routedAt: Date | null;

  /** No confident category: call-centre supervisors categorise it by hand. */
  @Column({ type: 'boolean', default: false })
  triage: boolean;

  /** The citizen's survey answer (low score, "not solved") reopened it; cleared by the next staff decision. */
  @Column({ type: 'boolean', default: false })
  needsReview: boolean;

  /** Folded text (Turkish letters → ASCII, lower case) that search matches against. */
  @Column({ type: 'text', select: false })
  searchText: string;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  /** KVKK: its personal data anonymised (an erasure request, or its retention period over); the rest stays for the statistics. */
  @Column({ type: 'timestamptz', nullable: true })
  personalDataErasedAt: Date | null;

  /** Optimistic lock: a save against an older version is refused with 409. */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
