import {
  DEPARTMENT_LEVEL_LABELS,
  DURATION_UNIT_LABELS,
  KIND_LABELS,
  LEGAL_BASIS_LABELS,
  ROLE_LABELS,
  type LegalBasis,
  type Role,
  type TicketKind,
} from '@app/domain';
import type { Query } from '../../api';
import { optionsOf } from '../../components';
import type { Category, DeadlinePolicy, Department, Ref } from '../types';
import { moreSections } from './sections-more';

const LEVELS = DEPARTMENT_LEVEL_LABELS;
const UNITS = DURATION_UNIT_LABELS;

const yes = (b: unknown) => (b === false ? 'Hayır' : 'Evet');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each section's rows have their own shape
export type Row = Record<string, any>;

/** A field of the "new record" form: options for a select, or an input type ('list' = comma-separated). */
export type FieldSpec = [
  name: string,
  label: string,
  type?: [string, string][] | 'number' | 'password' | 'date' | 'list' | 'bool' | 'contacts' | 'fields' | 'text' | 'email' | 'tel',
];

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
  /** The fields the row's "Düzenle" dialog patches (prefilled from the row). */
  edit?: FieldSpec[];
  /** A boolean column the row's button flips (active); turning it off asks for a confirmation first. */
  toggle?: string;
  /** What the deactivation's confirmation says. */
  deactivateText?: string;
  /** A "Parola sıfırla" button (users). */
  password?: boolean;
  /** How a row is named in its buttons and dialogs. */
  label?: (r: Row) => string;
  remove?: (r: Row) => string;
  rowAction?: [string, (r: Row) => Promise<unknown>];
  /** What the new row's answer says once, kept on screen (an Open311 API key is shown only at its issue). */
  createdNotice?: (r: Row) => string;
  /** A screen of its own instead of a table. */
  custom?: 'whatsapp' | 'notices' | 'board';
}

/** What the sections' selects offer: read once when the admin screen opens (and after a change). */
export interface AdminRefs {
  departments: Department[];
  policies: DeadlinePolicy[];
  managers: { id: string; username: string; fullName: string }[];
  categories: Category[];
  mahalleler: Ref[];
}

const ROLE_OPTIONS = optionsOf(ROLE_LABELS);

/** Each admin section: what to list, which columns, what a new row needs, what a row's dialog edits. */
export function sections(refs: AdminRefs): Record<string, Section> {
  const deptOptions = refs.departments.map((d): [string, string] => [d.id, d.name]);
  const deptName = (id: unknown) => refs.departments.find((d) => d.id === id)?.name ?? '—';
  const managerOptions = refs.managers.map((u): [string, string] => [u.id, `${u.fullName} (${u.username})`]);
  const managerName = (id: unknown) => refs.managers.find((u) => u.id === id)?.fullName ?? '—';
  const policyOptions = refs.policies.map((p): [string, string] => [p.id, p.name]);
  return {
    birimler: {
      title: 'Birimler',
      path: '/departments',
      columns: [
        ['Kod', (r) => r.code],
        ['Ad', (r) => r.name],
        ['Düzey', (r) => LEVELS[r.level]],
        ['Müdür', (r) => managerName(r.managerUserId)],
        ['Eskalasyon kişileri', (r) => (r.escalationContacts ?? []).map((c: Row) => c.name).join(', ') || '—'],
        ['Otomatik atama', (r) => yes(r.autoAssign)],
        ['Etkin', (r) => yes(r.active)],
      ],
      fields: [
        ['code', 'Kod (BÜYÜK_HARF)'],
        ['name', 'Ad'],
        ['level', 'Düzey', optionsOf(LEVELS)],
        ['parentId', 'Bağlı olduğu birim', deptOptions],
      ],
      edit: [
        ['name', 'Ad'],
        ['level', 'Düzey', optionsOf(LEVELS)],
        ['parentId', 'Bağlı olduğu birim', deptOptions],
        ['managerUserId', 'Müdür', managerOptions],
        ['email', 'E-posta', 'email'],
        ['phone', 'Telefon (+90…)', 'tel'],
        ['escalationContacts', 'Eskalasyon kişileri', 'contacts'],
        ['autoAssign', 'Otomatik atama', 'bool'],
      ],
      toggle: 'active',
      deactivateText: 'Birim yeni başvurularda ve atamalarda seçilemez; mevcut başvuruları korunur.',
    },
    kullanicilar: {
      title: 'Kullanıcılar',
      path: '/users',
      query: { pageSize: 100 },
      label: (r) => `${r.fullName} (${r.username})`,
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
        ['role', 'Rol', ROLE_OPTIONS],
        ['departmentId', 'Birim', deptOptions],
        ['password', 'Parola (en az 10 karakter)', 'password'],
      ],
      edit: [
        ['fullName', 'Ad soyad'],
        ['email', 'E-posta', 'email'],
        ['phone', 'Telefon (+90…)', 'tel'],
        ['role', 'Rol', ROLE_OPTIONS],
        ['departmentId', 'Birim', deptOptions],
        ['available', 'Müsait', 'bool'],
      ],
      password: true,
      toggle: 'active',
      deactivateText: 'Kullanıcı artık giriş yapamaz ve açık oturumları hemen kapanır. Geçmiş işlemlerinde adı görünmeye devam eder.',
    },
    konular: {
      title: 'Konular',
      path: '/categories',
      columns: [
        ['Kod', (r) => r.serviceCode],
        ['Ad', (r) => r.name],
        ['Tür', (r) => KIND_LABELS[r.kind as TicketKind]],
        ['Birim', (r) => deptName(r.defaultDepartmentId)],
        ['Anahtar sözcükler', (r) => (r.keywords ?? []).join(', ')],
        ['Ek alanlar', (r) => (r.fields ?? []).map((f: Row) => f.label).join(', ') || '—'],
        ['Etkin', (r) => yes(r.active)],
      ],
      fields: [
        ['serviceCode', 'Hizmet kodu (örn. TEM-001)'],
        ['name', 'Ad'],
        ['kind', 'Tür', optionsOf(KIND_LABELS)],
        ['defaultDepartmentId', 'Birim', deptOptions],
        ['deadlinePolicyId', 'Süre politikası', policyOptions],
        ['keywords', 'Anahtar sözcükler (virgülle)', 'list'],
      ],
      edit: [
        ['name', 'Ad'],
        ['kind', 'Tür', optionsOf(KIND_LABELS)],
        ['defaultDepartmentId', 'Birim', deptOptions],
        ['deadlinePolicyId', 'Süre politikası', policyOptions],
        ['keywords', 'Anahtar sözcükler (virgülle)', 'list'],
        ['fields', 'Ek alanlar (başvuruda sorulur)', 'fields'],
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
      edit: [
        ['name', 'Ad'],
        ['legalBasis', 'Dayanak', optionsOf(LEGAL_BASIS_LABELS)],
        ['resolutionAmount', 'Sonuçlandırma süresi', 'number'],
        ['resolutionUnit', 'Sonuçlandırma birimi', optionsOf(UNITS)],
        ['firstResponseAmount', 'İlk yanıt süresi', 'number'],
        ['firstResponseUnit', 'İlk yanıt birimi', optionsOf(UNITS)],
      ],
    },
    ...moreSections(refs, deptOptions, deptName),
  };
}
