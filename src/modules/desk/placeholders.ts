import { InvalidFieldException, turkishDate } from '@app/common';
import { hidesApplicant, TicketKind } from '@app/domain';

/** The placeholders a canned answer may hold, filled from the ticket it answers. */
export const PLACEHOLDERS = ['takipNo', 'adSoyad', 'tarih', 'birim', 'konu'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const SLOT = /\{([^{}]*)\}/g;

/** The `{…}` in a text that are not placeholders, in order, once each. */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(SLOT)].map((m) => m[1]);
  return [...new Set(names.filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name)))];
}

/** The text with every placeholder replaced by its value. */
export function fillPlaceholders(text: string, values: Record<Placeholder, string>): string {
  return text.replace(SLOT, (slot, name: string) => ((PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : slot));
}

/** Unknown placeholders are refused when saved, named, so a typo never reaches a citizen. */
export function checkPlaceholders(field: string, body: string): void {
  const unknown = unknownPlaceholders(body);
  if (unknown.length) {
    const names = unknown.map((n) => `{${n}}`).join(', ');
    throw new InvalidFieldException(field, `${field}: bilinmeyen yer tutucu ${names}; kullanılabilenler: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`);
  }
}

/** The placeholders' values for one ticket, today; an ihbar's informant stays unnamed. */
export function valuesFor(
  ticket: { trackingNo: string; kind: TicketKind; contactName: string | null; subject: string; department?: { name: string } | null },
  now: Date,
): Record<Placeholder, string> {
  return {
    takipNo: ticket.trackingNo,
    adSoyad: hidesApplicant(ticket.kind) ? '' : (ticket.contactName ?? ''),
    tarih: turkishDate(now),
    birim: ticket.department?.name ?? '',
    konu: ticket.subject,
  };
}
