import { CALENDAR_OVERRIDE_LABELS, KIND_LABELS, type TicketKind } from '@app/domain';
import { api } from '../../api';
import { optionsOf } from '../../components';
import { formatTime } from '../../format';
import type { AdminRefs, Section } from './sections';

const OVERRIDES = CALENDAR_OVERRIDE_LABELS;
const yes = (b: unknown) => (b === false ? 'Hayır' : 'Evet');

/** Routing rules, mahalleler with their muhtar, the calendar, failed jobs, notices and WhatsApp. */
export function moreSections(refs: AdminRefs, deptOptions: [string, string][], deptName: (id: unknown) => string): Record<string, Section> {
  const categoryOptions = refs.categories.map((c): [string, string] => [c.id, `${c.serviceCode} ${c.name}`]);
  const mahalleOptions = refs.mahalleler.map((m): [string, string] => [m.id, m.name]);
  const categoryName = (id: unknown) => refs.categories.find((c) => c.id === id)?.name ?? 'Tümü';
  const mahalleName = (id: unknown) => refs.mahalleler.find((m) => m.id === id)?.name ?? 'Tümü';
  const ruleFields: Section['fields'] = [
    ['categoryId', 'Konu', categoryOptions],
    ['mahalleId', 'Mahalle', mahalleOptions],
    ['kind', 'Tür', optionsOf(KIND_LABELS)],
    ['departmentId', 'Yönlendirilen birim', deptOptions],
  ];
  return {
    yonlendirme: {
      title: 'Yönlendirme kuralları',
      path: '/routing-rules',
      label: (r) => `${categoryName(r.categoryId)} / ${mahalleName(r.mahalleId)} → ${deptName(r.departmentId)}`,
      columns: [
        ['Konu', (r) => categoryName(r.categoryId)],
        ['Mahalle', (r) => mahalleName(r.mahalleId)],
        ['Tür', (r) => (r.kind ? KIND_LABELS[r.kind as TicketKind] : 'Tümü')],
        ['Birim', (r) => deptName(r.departmentId)],
        ['Etkin', (r) => yes(r.active)],
      ],
      fields: ruleFields,
      edit: ruleFields,
      toggle: 'active',
      remove: (r) => `/routing-rules/${r.id}`,
    },
    mahalleler: {
      title: 'Mahalleler',
      path: '/mahalleler',
      columns: [
        ['Kod', (r) => r.code],
        ['Ad', (r) => r.name],
        ['Muhtar', (r) => r.muhtarName ?? '—'],
        ['Muhtar telefonu', (r) => r.muhtarPhone ?? '—'],
        ['Etkin', (r) => yes(r.active)],
      ],
      fields: [
        ['code', 'Kod (BÜYÜK_HARF)'],
        ['name', 'Ad'],
        ['muhtarName', 'Muhtar'],
        ['muhtarPhone', 'Muhtar telefonu (+90…)', 'tel'],
      ],
      edit: [
        ['name', 'Ad'],
        ['muhtarName', 'Muhtar'],
        ['muhtarPhone', 'Muhtar telefonu (+90…)', 'tel'],
      ],
      toggle: 'active',
    },
    takvim: {
      title: 'Takvim istisnaları',
      path: '/calendar/overrides',
      listPath: '/calendar',
      query: { year: new Date().getFullYear() },
      list: (d) => d.overrides,
      label: (r) => `${r.date} ${r.reason}`,
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
    bildirimler: { title: 'Bildirim metinleri', custom: 'notices' },
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
    open311: {
      title: 'Open311 uygulamaları',
      path: '/open311/clients',
      label: (r) => r.name,
      columns: [
        ['Ad', (r) => r.name],
        ['Anahtar', (r) => `${r.keyPrefix}…`],
        ['Son kullanım', (r) => formatTime(r.lastUsedAt)],
        ['Durum', (r) => (r.revokedAt ? `İptal edildi: ${formatTime(r.revokedAt)}` : 'Etkin')],
      ],
      fields: [['name', 'Uygulamanın adı']],
      remove: (r) => `/open311/clients/${r.id}`,
      createdNotice: (r) => `${r.name} için API anahtarı (yalnızca şimdi gösterilir, saklayın): ${r.apiKey}`,
    },
    whatsapp: { title: 'WhatsApp eşleştirme', custom: 'whatsapp' },
    pano: { title: 'Kuyruk panosu', custom: 'board' },
  };
}
