import { ProcessEnd } from './process-definition';

/** A template as shipped: units by department code, durations as the chart writes them. */
export interface ShippedTemplate {
  code: string;
  name: string;
  description: string;
  ownerDepartment: string;
  targetOnTimeRatio: number;
  steps: {
    key: string;
    name: string;
    department: string;
    actor?: string;
    referenceDocument: string;
    duration: string;
    outcomes?: { code: string; label: string; next?: string; end?: ProcessEnd }[];
  }[];
}

/**
 * The sister-city protocol of the workflow chart (seed 000, with seed 001's Özel Kalem steps):
 * the "müdürlük kalemi" is Özel Kalem, which also follows the council's and the ministries'
 * answers; the signature needs the mayor's office. Performance target: 90% within these times.
 */
export const SISTER_CITY_TEMPLATE: ShippedTemplate = {
  code: 'KARDES_SEHIR',
  name: 'Kardeş şehir protokolü',
  description: 'Yurt dışından gelen kardeş şehir talebinden protokolün imzalanmasına kadar iş akışı.',
  ownerDepartment: 'OZEL_KALEM',
  targetOnTimeRatio: 0.9,
  steps: [
    {
      key: '1',
      name: 'Yurt dışından gelen talep yazısının kayda alınması',
      department: 'OZEL_KALEM',
      referenceDocument: 'Resmi Yazışma Kuralları',
      duration: '1-3 gün',
    },
    {
      key: '2',
      name: 'Ülke ve şehir hakkında bilgilerin hazırlanması',
      department: 'OZEL_KALEM',
      referenceDocument: 'Bilgi Edinme Hakkı Kanunu',
      duration: '1-2 gün',
    },
    {
      key: '3',
      name: 'Genel Sekreter imzalı üst yazı ile meclise sunulması',
      department: 'OZEL_KALEM',
      referenceDocument: '5216 ve 5393 sayılı Belediye Kanunları; İçişleri Bakanlığı 2005/36 sayılı genelge',
      duration: '1-2 gün',
    },
    {
      key: 'K',
      name: 'Meclis kararı (onay veya ret)',
      department: 'OZEL_KALEM',
      actor: 'Belediye Meclisi',
      referenceDocument: '5216 ve 5393 sayılı Belediye Kanunları',
      duration: '1 hafta',
      outcomes: [
        { code: 'approve', label: 'Meclis onayladı', next: '4' },
        { code: 'reject', label: 'Meclis reddetti', end: ProcessEnd.Rejected },
      ],
    },
    {
      key: '4',
      name: 'Kararın Valilik, İçişleri ve Dışişleri bakanlıklarına gönderilmesi',
      department: 'OZEL_KALEM',
      referenceDocument: 'Resmi Yazışma Kuralları',
      duration: '1 hafta',
    },
    {
      key: '5',
      name: 'Bakanlıktan sakınca bulunmadığına dair yazının gelmesi',
      department: 'OZEL_KALEM',
      actor: 'İlgili Bakanlıklar',
      referenceDocument: 'Resmi Yazışma Kuralları',
      duration: '2-3 hafta',
      outcomes: [
        { code: 'no_objection', label: 'Sakınca yok', next: '6' },
        { code: 'objection', label: 'Bakanlık sakınca bildirdi; evrak dosyaya kaldırıldı', end: ProcessEnd.Filed },
      ],
    },
    {
      key: '6',
      name: 'Başkanın onayıyla protokolün imzalanması',
      department: 'OZEL_KALEM',
      actor: 'Başkanlık Makamı',
      referenceDocument: 'Resmi Yazışma Kuralları',
      duration: '2-3 ay',
    },
  ],
};

export const SHIPPED_TEMPLATES: readonly ShippedTemplate[] = [SISTER_CITY_TEMPLATE];
