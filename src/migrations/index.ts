import { InitialSchema1795492216233 } from './1795492216233-initial-schema';
import { TimelineOrder1795493408747 } from './1795493408747-timeline-order';
import { IntakePipeline1795495000000 } from './1795495000000-intake-pipeline';
import { CallLogs1795639645327 } from './1795639645327-call-logs';
import { OutboxAndMedia1795641601152 } from './1795641601152-outbox-and-media';
import { CalendarOverrides1795641660683 } from './1795641660683-calendar-overrides';
import { CitizenOptOut1795641909286 } from './1795641909286-citizen-opt-out';
import { MailboxCursors1795641951109 } from './1795641951109-mailbox-cursors';
import { DeadlineClocks1795643137627 } from './1795643137627-deadline-clocks';
import { Surveys1795643173895 } from './1795643173895-surveys';
import { Reports1795643297241 } from './1795643297241-reports';
import { DeadlineExtension1795644180728 } from './1795644180728-deadline-extension';
import { NoticeTemplates1795644356231 } from './1795644356231-notice-templates';
import { Processes1795644473788 } from './1795644473788-processes';
import { RestartOnTransfer1795644997757 } from './1795644997757-restart-on-transfer';
import { DuplicateSearchIndexes1795746000000 } from './1795746000000-duplicate-search-indexes';
import { TokenVersion1796000000000 } from './1796000000000-token-version';
import { ChannelEdges1796000100000 } from './1796000100000-channel-edges';
import { MediaTicketLink1796000200000 } from './1796000200000-media-ticket-link';
import { TicketContact1796000300000 } from './1796000300000-ticket-contact';
import { Classifier1796100000000 } from './1796100000000-classifier';
import { DeadlineDayClose1796300000000 } from './1796300000000-deadline-day-close';
import { InformationRequests1796300100000 } from './1796300100000-information-requests';
import { Cimer1796300200000 } from './1796300200000-cimer';
import { PersonalData1796300300000 } from './1796300300000-personal-data';
import { Desk1796300410000 } from './1796300410000-desk';
import { VoicemailRecordings1796300420000 } from './1796300420000-voicemail-recordings';
import { BrowserPhone1796300900000 } from './1796300900000-browser-phone';
import { MayorDecision1796400000001 } from './1796400000001-mayor-decision';
import { CallCentreFigures1796500000000 } from './1796500000000-call-centre-figures';
import { KnowledgeBaseAndIncidents1796510000000 } from './1796510000000-knowledge-base-and-incidents';
import { CategoryFieldsOpen3111796530000000 } from './1796530000000-category-fields-open311';
import { AuditLog1796560000000 } from './1796560000000-audit-log';
import { ReportDailyCounts1796640000000 } from './1796640000000-report-daily-counts';
import { EscalationsSubjectIndex1796700000000 } from './1796700000000-escalations-subject-index';
import { ReportRefresh1796710000000 } from './1796710000000-report-refresh';
import { DuplicateSearchOpen1796740000000 } from './1796740000000-duplicate-search-open';
import { TimeOrderedIds1796750000000 } from './1796750000000-time-ordered-ids';
import { ReportEscalationCounts1796760000000 } from './1796760000000-report-escalation-counts';
import { SlaTimers1796770000000 } from './1796770000000-sla-timers';
import { ResolutionTimeHistograms1796780000000 } from './1796780000000-resolution-time-histograms';
import { ReportBacklogByDepartment1796790000000 } from './1796790000000-report-backlog-by-department';
import { ReportQueuesLocked1796800000000 } from './1796800000000-report-queues-locked';
import { ReportDailyOutcomes1796730000000 } from './1796730000000-report-daily-outcomes';
import { TicketUpdatedAtIndex1796720000000 } from './1796720000000-ticket-updated-at-index';

/** Every migration, in order; the app runs them on start (never `synchronize`). */
export const MIGRATIONS = [
  InitialSchema1795492216233,
  TimelineOrder1795493408747,
  IntakePipeline1795495000000,
  CallLogs1795639645327,
  OutboxAndMedia1795641601152,
  CalendarOverrides1795641660683,
  CitizenOptOut1795641909286,
  MailboxCursors1795641951109,
  DeadlineClocks1795643137627,
  Surveys1795643173895,
  Reports1795643297241,
  DeadlineExtension1795644180728,
  NoticeTemplates1795644356231,
  Processes1795644473788,
  RestartOnTransfer1795644997757,
  DuplicateSearchIndexes1795746000000,
  TokenVersion1796000000000,
  ChannelEdges1796000100000,
  MediaTicketLink1796000200000,
  TicketContact1796000300000,
  Classifier1796100000000,
  DeadlineDayClose1796300000000,
  InformationRequests1796300100000,
  Cimer1796300200000,
  PersonalData1796300300000,
  Desk1796300410000,
  VoicemailRecordings1796300420000,
  BrowserPhone1796300900000,
  MayorDecision1796400000001,
  CallCentreFigures1796500000000,
  KnowledgeBaseAndIncidents1796510000000,
  CategoryFieldsOpen3111796530000000,
  AuditLog1796560000000,
  ReportDailyCounts1796640000000,
  EscalationsSubjectIndex1796700000000,
  ReportRefresh1796710000000,
  TicketUpdatedAtIndex1796720000000,
  ReportDailyOutcomes1796730000000,
  DuplicateSearchOpen1796740000000,
  TimeOrderedIds1796750000000,
  ReportEscalationCounts1796760000000,
  SlaTimers1796770000000,
  ResolutionTimeHistograms1796780000000,
  ReportBacklogByDepartment1796790000000,
  ReportQueuesLocked1796800000000,
];
