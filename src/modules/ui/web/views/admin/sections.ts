import {
  CALENDAR_OVERRIDE_LABELS,
  DEPARTMENT_LEVEL_LABELS,
  DURATION_UNIT_LABELS,
  KIND_LABELS,
  LEGAL_BASIS_LABELS,
  ROLE_LABELS,
  type LegalBasis,
  type Role,
  type TicketKind,
} from '@app/domain';
import { api, type Query } from '../../api';
import { optionsOf } from '../../components';
import { formatTime } from '../../format';
import type { DeadlinePolicy, Department } from '../types';

const LEVELS = DEPARTMENT_LEVEL_LABELS;
const UNITS = DURATION_UNIT_LABELS;
const OVERRIDES = CALENDAR_OVERRIDE_LABELS;

const yes = (b: unknown) => (b === false ? 'Hayır' : 'Evet');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each section's rows have their own shape
export type Row = Record<string, any>;

/** A field of the "new record" form: options for a select, or an input type ('list' = comma-separated). */
export type FieldSpec = [name: string, label: string, type?: [string, string][] | 'number' | 'password' | 'date' | 'list'];

export interface Section {
  title: string;
  /** Where new rows are posted and rows are patched (`${path}/${id}`). */
  path?: string;
  /** Where rows are listed, when not `path`. */
  listPath?: string;
  query?: Query;
  list?: (data: Row) => Row[];
  columns?: [string, (r: Row) => unknown][];
  fields?: FieldSpec[];
  /** A boolean column the row's button flips (active). */
  toggle?: string;
  remove?: (r: Row) => string;
  rowAction?: [string, (r: Row) => Promise<unknown>];
  /** A screen of its own instead of a table. */
  custom?: 'whatsapp';
}

/** Each admin section: what to list, which columns, what a new row needs. */
export function sections(refs: { departments: Department[]; policies: DeadlinePolicy[] }): Record<string, Section> {
  const deptOptions = refs.departments.map((d): [string, string] => [d.id, d.name]);
  const deptName = (id: unknown) => refs.departments.find((d) => d.id === id)?.name ?? '—';
  return {
    birimler: {
      title: 'Birimler',
      path: '/departments',
      columns: [
        ['Kod', (r) => r.code],
        ['Ad', (r) => r.name],
        ['Düzey', (r) => LEVELS[r.level]],
        ['Otomatik atama', (r) => yes(r.autoAssign)],
        ['Etkin', (r) => yes(r.active)],
      ],
      fields: [
        ['code', 'Kod (BÜYÜK_HARF)'],
        ['name', 'Ad'],
        ['level', 'Düzey', optionsOf(LEVELS)],
        ['parentId', 'Bağlı olduğu birim', deptOptions],
      ],
      toggle: 'active',
    },
    konular: {
      title: 'Konular',
      path: '/categories',
      columns: [
        ['Kod', (r) => r.serviceCode],
        ['Ad', (r) => r.name],
        ['Tür', (r) => KIND_LABELS[r.kind as TicketKind]],
        ['Birim', (r) => deptName(r.defaultDepartmentId)],
        ['Etkin', (r) => yes(r.active)],
      ],
      fields: [
        ['serviceCode', 'Hizmet kodu (örn. TEM-001)'],
        ['name', 'Ad'],
        ['kind', 'Tür', optionsOf(KIND_LABELS)],
        ['defaultDepartmentId', 'Birim', deptOptions],
        ['deadlinePolicyId', 'Süre politikası', refs.policies.map((p): [string, string] => [p.id, p.name])],
        ['keywords', 'Anahtar sözcükler (virgülle)', 'list'],
      ],
      toggle: 'active',
    },
    sureler: {
      title: 'Süre politikaları',
      path: '/deadline-policies',
      columns: [
        ['Kod', (r) => r.code],
        ['Ad', (r) => r.name],
        ['Dayanak', (r) => LEGAL_BASIS_LABELS[r.legalBasis as LegalBasis]],
        ['Sonuçlandırma', (r) => `${r.resolutionAmount} ${UNITS[r.resolutionUnit]}`],
        ['İlk yanıt', (r) => (r.firstResponseAmount ? `${r.firstResponseAmount} ${UNITS[r.firstResponseUnit]}` : '—')],
      ],
      fields: [
        ['code', 'Kod'],
        ['name', 'Ad'],
        ['legalBasis', 'Dayanak', optionsOf(LEGAL_BASIS_LABELS)],
        ['resolutionAmount', 'Sonuçlandırma süresi', 'number'],
        ['resolutionUnit', 'Birim', optionsOf(UNITS)],
      ],
    },
    kullanicilar: {
      title: 'Kullanıcılar',
      path: '/users',
      query: { pageSize: 100 },
      columns: [
        ['Kullanıcı adı', (r) => r.username],
        ['Ad', (r) => r.fullName],
        ['Rol', (r) => ROLE_LABELS[r.role as Role]],
        ['Birim', (r) => deptName(r.departmentId)],
        ['Müsait', (r) => yes(r.available)],
        ['Etkin', (r) => yes(r.active)],
      ],
      fields: [
        ['username', 'Kullanıcı adı'],
        ['fullName', 'Ad soyad'],
        ['role', 'Rol', optionsOf(ROLE_LABELS)],
        ['departmentId', 'Birim', deptOptions],
        ['password', 'Parola (en az 12 karakter)', 'password'],
      ],
      toggle: 'active',
    },
    mahalleler: {
      title: 'Mahalleler',
      path: '/mahalleler',
      columns: [
        ['Kod', (r) => r.code],
        ['Ad', (r) => r.name],
        ['Muhtar', (r) => r.muhtarName ?? '—'],
        ['Etkin', (r) => yes(r.active)],
      ],
      fields: [
        ['code', 'Kod (BÜYÜK_HARF)'],
        ['name', 'Ad'],
        ['muhtarName', 'Muhtar'],
      ],
      toggle: 'active',
    },
    takvim: {
      title: 'Takvim istisnaları',
      path: '/calendar/overrides',
      listPath: '/calendar',
      query: { year: new Date().getFullYear() },
      list: (d) => d.overrides,
      columns: [
        ['Tarih', (r) => r.date],
        ['Tür', (r) => OVERRIDES[r.kind]],
        ['Gerekçe', (r) => r.reason],
      ],
      fields: [
        ['date', 'Tarih', 'date'],
        ['kind', 'Tür', optionsOf(OVERRIDES)],
        ['reason', 'Gerekçe'],
      ],
      remove: (r) => `/calendar/overrides/${r.id}`,
    },
    isler: {
      title: 'Başarısız işler',
      listPath: '/admin/jobs/failed',
      query: { pageSize: 100 },
      columns: [
        ['Kuyruk', (r) => r.queue],
        ['İş', (r) => r.name],
        ['Hata', (r) => r.failedReason],
        ['Deneme', (r) => r.attemptsMade],
        ['Zaman', (r) => formatTime(r.failedAt)],
      ],
      rowAction: ['Yeniden çalıştır', (r) => api(`/admin/jobs/${r.queue}/${encodeURIComponent(r.id)}/retry`, { method: 'POST', body: {} })],
    },
    whatsapp: { title: 'WhatsApp eşleştirme', custom: 'whatsapp' },
  };
}
