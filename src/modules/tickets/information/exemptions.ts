/**
 * Law 4982's exemptions (arts. 15–28): what may be withheld, by article. A refusal or a partial
 * answer names at least one, with its reason (art. 12). Titles as the articles head them.
 */
export const EXEMPTION_ARTICLES: Readonly<Record<number, string>> = {
  15: 'Yargı denetimi dışında kalan işlemler',
  16: 'Devlet sırrına ilişkin bilgi ve belgeler',
  17: 'Ülkenin ekonomik çıkarlarına ilişkin bilgi ve belgeler',
  18: 'İstihbarata ilişkin bilgi ve belgeler',
  19: 'İdari soruşturmaya ilişkin bilgi ve belgeler',
  20: 'Adli soruşturma ve kovuşturmaya ilişkin bilgi ve belgeler',
  21: 'Özel hayatın gizliliği',
  22: 'Haberleşmenin gizliliği',
  23: 'Ticari sır',
  24: 'Fikir ve sanat eserleri',
  25: 'Kurum içi düzenlemeler',
  26: 'Kurum içi görüş, bilgi notu ve tavsiyeler',
  27: 'Tavsiye ve mütalaa talepleri',
  28: 'Gizliliği kanunlarla düzenlenen bilgi veya belgeler',
};

export const EXEMPTION_NUMBERS = Object.keys(EXEMPTION_ARTICLES).map(Number);

export interface Exemption {
  article: number;
  reason: string;
}

/** "4982 sayılı Kanun m. 21 (Özel hayatın gizliliği): …; m. 26 (…): …" for the applicant's notice. */
export function describeExemptions(exemptions: readonly Exemption[]): string {
  return exemptions.map((e) => `4982 sayılı Kanun m. ${e.article} (${EXEMPTION_ARTICLES[e.article]}): ${e.reason}`).join('; ');
}

/** The objection to the Kurul is filed within this many days of the decision's notice (art. 13). */
export const OBJECTION_DAYS = 15;
/** The Kurul decides an objection within this many working days (art. 13). */
export const KURUL_WORKING_DAYS = 30;
/** Paid within this many working days of the fee notice, or the application is withdrawn (Yönetmelik). */
export const FEE_PAYMENT_WORKING_DAYS = 15;
