/** What the audit log records: who did it, when, to what, and what it was before and after. */
export enum AuditAction {
  Login = 'login',
  LoginFailed = 'login_failed',
  UserCreated = 'user_created',
  UserUpdated = 'user_updated',
  NoticeTemplateChanged = 'notice_template_changed',
  NoticeTemplateDeleted = 'notice_template_deleted',
  DestructionScheduled = 'destruction_scheduled',
  ReportExported = 'report_exported',
  AuditExported = 'audit_exported',
  /** Read from the KVKK access log (pii_access_log), not written to the audit table: see AuditLog. */
  ContactRevealed = 'contact_revealed',
  TicketMerged = 'ticket_merged',
  /** A data subject's rights (KVKK art. 11): their data exported, rectified, erased. */
  PersonalDataExported = 'personal_data_exported',
  PersonalDataRectified = 'personal_data_rectified',
  PersonalDataErased = 'personal_data_erased',
  /** A change to the municipality's set-up: units, subjects, routing rules, deadline policies, calendar days, canned answers. */
  SettingCreated = 'setting_created',
  SettingChanged = 'setting_changed',
  SettingDeleted = 'setting_deleted',
  /** A ticket put under a legal hold (its personal data kept past retention while disputed), or released. */
  LegalHoldPlaced = 'legal_hold_placed',
  LegalHoldReleased = 'legal_hold_released',
}

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  [AuditAction.Login]: 'Oturum açma',
  [AuditAction.LoginFailed]: 'Başarısız oturum açma',
  [AuditAction.UserCreated]: 'Kullanıcı oluşturma',
  [AuditAction.UserUpdated]: 'Kullanıcı değişikliği',
  [AuditAction.NoticeTemplateChanged]: 'Bildirim metni değişikliği',
  [AuditAction.NoticeTemplateDeleted]: 'Bildirim metni silme',
  [AuditAction.DestructionScheduled]: 'İmha takvimi değişikliği',
  [AuditAction.ReportExported]: 'Rapor dışa aktarma',
  [AuditAction.AuditExported]: 'Denetim kaydı dışa aktarma',
  [AuditAction.ContactRevealed]: 'Kişisel veri görüntüleme',
  [AuditAction.TicketMerged]: 'Başvuru birleştirme',
  [AuditAction.PersonalDataExported]: 'Kişisel veri dökümü (KVKK)',
  [AuditAction.PersonalDataRectified]: 'Kişisel veri düzeltme (KVKK)',
  [AuditAction.PersonalDataErased]: 'Kişisel veri silme (KVKK)',
  [AuditAction.SettingCreated]: 'Yapılandırma ekleme',
  [AuditAction.SettingChanged]: 'Yapılandırma değişikliği',
  [AuditAction.SettingDeleted]: 'Yapılandırma silme',
  [AuditAction.LegalHoldPlaced]: 'Saklama kararı',
  [AuditAction.LegalHoldReleased]: 'Saklama kararının kaldırılması',
};

/** What an audit entry is about. */
export enum AuditEntity {
  Session = 'session',
  User = 'user',
  NoticeTemplate = 'notice_template',
  Settings = 'settings',
  Report = 'report',
  AuditLog = 'audit_log',
  Citizen = 'citizen',
  Ticket = 'ticket',
  Department = 'department',
  Category = 'category',
  RoutingRule = 'routing_rule',
  DeadlinePolicy = 'deadline_policy',
  CalendarDay = 'calendar_day',
  CannedAnswer = 'canned_answer',
  LegalHold = 'legal_hold',
}

export const AUDIT_ENTITY_LABELS: Record<AuditEntity, string> = {
  [AuditEntity.Session]: 'Oturum',
  [AuditEntity.User]: 'Kullanıcı',
  [AuditEntity.NoticeTemplate]: 'Bildirim metni',
  [AuditEntity.Settings]: 'Ayarlar',
  [AuditEntity.Report]: 'Rapor',
  [AuditEntity.AuditLog]: 'Denetim kaydı',
  [AuditEntity.Citizen]: 'Vatandaş',
  [AuditEntity.Ticket]: 'Başvuru',
  [AuditEntity.Department]: 'Birim',
  [AuditEntity.Category]: 'Konu',
  [AuditEntity.RoutingRule]: 'Yönlendirme kuralı',
  [AuditEntity.DeadlinePolicy]: 'Süre politikası',
  [AuditEntity.CalendarDay]: 'Takvim günü',
  [AuditEntity.CannedAnswer]: 'Hazır yanıt',
  [AuditEntity.LegalHold]: 'Saklama kararı',
};
