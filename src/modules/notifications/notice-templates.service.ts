import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ExpiringValue, InvalidFieldException } from '@app/common';
import { AuditAction, AuditEntity, StaffPrincipal } from '@app/domain';
import { AuditTrail } from '../audit';
import {
  missingRequiredFields,
  NOTICE_FIELDS,
  NOTICE_TEMPLATES,
  NoticeContext,
  NoticeLocale,
  NoticePurpose,
  NoticeTemplate,
  RenderedNotice,
  renderNotice,
  unknownFields,
} from './citizen-notice';
import { NoticeTemplateDto } from './dto/notice-template.dto';
import { NoticeTemplateOverride } from './notice-template.entity';

export interface NoticeTemplateView extends NoticeTemplate {
  purpose: NoticePurpose;
  locale: NoticeLocale;
  /** True when the municipality's own wording replaces the shipped one. */
  custom: boolean;
}

const LOCALES: NoticeLocale[] = ['tr', 'en'];

/** The example values a preview is filled in with. */
const PREVIEW_CONTEXT: Record<NoticeLocale, NoticeContext> = {
  tr: {
    municipality: 'Örnek Belediyesi',
    trackingNo: 'B-2026-000123',
    statusUrl: 'https://cozum.ornek-bel.tr/durum/B-2026-000123',
    text: 'Sokağınızdaki arıza giderilmiştir.',
    department: 'Fen İşleri Müdürlüğü',
    institution: 'İSKİ Genel Müdürlüğü',
    originalTrackingNo: 'B-2026-000100',
    newDueDate: '2 Aralık 2026',
    surveyUrl: 'https://cozum.ornek-bel.tr/anket/ornek',
    exemptions: 'm. 25 (kişisel bilgi): başka bir kişinin özel hayatına ilişkin',
    amount: '125,50 TL',
    payBy: '15 Aralık 2026',
  },
  en: {
    municipality: 'Örnek Municipality',
    trackingNo: 'B-2026-000123',
    statusUrl: 'https://cozum.ornek-bel.tr/durum/B-2026-000123',
    text: 'The fault in your street has been repaired.',
    department: 'Public Works',
    institution: 'İSKİ',
    originalTrackingNo: 'B-2026-000100',
    newDueDate: '2 December 2026',
    surveyUrl: 'https://cozum.ornek-bel.tr/anket/ornek',
    exemptions: 'art. 25 (personal data): concerns another person’s private life',
    amount: '125.50 TL',
    payBy: '15 December 2026',
  },
};

/**
 * The wording of citizen notices: shipped templates, and the municipality's own where it wrote
 * one. A template is checked when saved — a placeholder no notice provides is a 400 then, not a
 * broken message later.
 */
@Injectable()
export class NoticeTemplates {
  private readonly overrides = new ExpiringValue<NoticeTemplateOverride[]>(30_000);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  /** The municipality's own template of a notice, if any, read through `manager` when the copy here is stale. */
  async own(manager: EntityManager, purpose: NoticePurpose, locale: NoticeLocale): Promise<NoticeTemplate | undefined> {
    const all = await this.overrides.get(() => manager.find(NoticeTemplateOverride));
    return all.find((o) => o.purpose === purpose && o.locale === locale);
  }

  async list(): Promise<NoticeTemplateView[]> {
    const own = await this.dataSource.getRepository(NoticeTemplateOverride).find();
    return Object.values(NoticePurpose).flatMap((purpose) =>
      LOCALES.map((locale) => {
        const custom = own.find((o) => o.purpose === purpose && o.locale === locale);
        const { subject, body } = custom ?? NOTICE_TEMPLATES[purpose][locale];
        return { purpose, locale, subject, body, custom: Boolean(custom) };
      }),
    );
  }

  async save(purpose: string, locale: string, dto: NoticeTemplateDto, actor: StaffPrincipal): Promise<NoticeTemplateView> {
    const [p, l] = this.check(purpose, locale, dto);
    await this.dataSource.transaction(async (manager) => {
      const before = await this.wording(manager, p, l);
      await manager
        .createQueryBuilder()
        .insert()
        .into(NoticeTemplateOverride)
        .values({ purpose: p, locale: l, subject: dto.subject, body: dto.body, updatedById: actor.id })
        .orUpdate(['subject', 'body', 'updated_by_id', 'updated_at'], ['purpose', 'locale'])
        .execute();
      const after = { subject: dto.subject, body: dto.body, custom: true };
      await this.audit.record(manager, actor, {
        action: AuditAction.NoticeTemplateChanged,
        entityType: AuditEntity.NoticeTemplate,
        entityId: `${p}/${l}`,
        before,
        after,
      });
    });
    this.overrides.invalidate();
    return { purpose: p, locale: l, subject: dto.subject, body: dto.body, custom: true };
  }

  /** What a citizen would read with this wording: checked as when saved, filled in with example values. */
  preview(purpose: string, locale: string, dto: NoticeTemplateDto): RenderedNotice {
    const [p, l] = this.check(purpose, locale, dto);
    return renderNotice(p, l, PREVIEW_CONTEXT[l], dto);
  }

  /** A template's placeholders: none unknown, none the law requires left out. */
  private check(purpose: string, locale: string, dto: NoticeTemplateDto): [NoticePurpose, NoticeLocale] {
    const [p, l] = this.key(purpose, locale);
    for (const field of ['subject', 'body'] as const) {
      const unknown = unknownFields(dto[field]);
      if (unknown.length) {
        throw new InvalidFieldException(
          field,
          `${field}: bilinmeyen alan {${unknown.join('}, {')}}; kullanılabilecekler: ${NOTICE_FIELDS.map((f) => `{${f}}`).join(', ')}`,
        );
      }
    }
    const missing = missingRequiredFields(p, dto.body);
    if (missing.length) throw new InvalidFieldException('body', `body: bu bildirimde yasa gereği bulunması gereken alan eksik: {${missing.join('}, {')}}`);
    return [p, l];
  }

  /** Back to the shipped wording. */
  async reset(purpose: string, locale: string, actor: StaffPrincipal): Promise<void> {
    const [p, l] = this.key(purpose, locale);
    await this.dataSource.transaction(async (manager) => {
      const before = await this.wording(manager, p, l);
      const { affected } = await manager.delete(NoticeTemplateOverride, { purpose: p, locale: l });
      if (!affected) return;
      const after = { ...NOTICE_TEMPLATES[p][l], custom: false };
      await this.audit.record(manager, actor, {
        action: AuditAction.NoticeTemplateDeleted,
        entityType: AuditEntity.NoticeTemplate,
        entityId: `${p}/${l}`,
        before,
        after,
      });
    });
    this.overrides.invalidate();
  }

  /** The wording in force, the municipality's own or the shipped one (what an audit entry's "before" shows). */
  private async wording(manager: EntityManager, purpose: NoticePurpose, locale: NoticeLocale) {
    const own = await manager.findOneBy(NoticeTemplateOverride, { purpose, locale });
    const { subject, body } = own ?? NOTICE_TEMPLATES[purpose][locale];
    return { subject, body, custom: Boolean(own) };
  }

  private key(purpose: string, locale: string): [NoticePurpose, NoticeLocale] {
    if (!Object.values(NoticePurpose).includes(purpose as NoticePurpose)) {
      throw new InvalidFieldException('purpose', `purpose: şunlardan biri olmalı: ${Object.values(NoticePurpose).join(', ')}`);
    }
    if (!LOCALES.includes(locale as NoticeLocale)) throw new InvalidFieldException('locale', 'locale: tr veya en olmalı');
    return [purpose as NoticePurpose, locale as NoticeLocale];
  }
}
