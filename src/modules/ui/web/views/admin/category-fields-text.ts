import { FIELD_DATATYPE_LABELS, FieldDatatype } from '@app/domain';
import type { Row } from './sections';

/**
 * A category's extra fields as lines the admin edits, like the escalation contacts:
 * "kod | etiket | tür | zorunlu | anahtar=Ad; anahtar=Ad". The server checks each field and
 * answers a 400 naming it (`fields.1.code`), shown beside the text.
 */
export const CATEGORY_FIELDS_HINT =
  'Her satıra bir alan: kod | etiket | tür | zorunlu (evet/hayır) | liste seçenekleri (anahtar=Ad; …). ' +
  `Türler: ${Object.values(FIELD_DATATYPE_LABELS).join(', ')}.`;

const fold = (s: string) => s.toLocaleLowerCase('tr').trim();
const TYPE_BY_LABEL = new Map(Object.entries(FIELD_DATATYPE_LABELS).map(([type, label]) => [fold(label), type]));

export function fieldsText(fields: Row[]): string {
  return fields
    .map((f) =>
      [f.code, f.label, FIELD_DATATYPE_LABELS[f.datatype as FieldDatatype] ?? f.datatype, f.required ? 'evet' : 'hayır', optionsText(f.options ?? [])]
        .join(' | ')
        .replace(/( \| )+$/, ''),
    )
    .join('\n');
}

/** The fields of the lines, in their order; a field keeps the description it had (`previous`). */
export function parseFieldsText(text: string, previous: Row[] = []): Row[] {
  return text
    .split('\n')
    .map((line) => line.split('|').map((s) => s.trim()))
    .filter((parts) => parts[0])
    .map(([code, label = '', type = '', required = '', options = ''], order) => {
      const description = previous.find((f) => f.code === code)?.description;
      return {
        code,
        label,
        // A type the list does not know is sent as typed: the server's 400 names it.
        datatype: TYPE_BY_LABEL.get(fold(type)) ?? (type || FieldDatatype.String),
        required: fold(required) === 'evet',
        ...(options ? { options: parseOptions(options) } : {}),
        ...(description ? { description } : {}),
        order,
      };
    });
}

const optionsText = (options: Row[]) => options.map((o) => `${o.key}=${o.name}`).join('; ');

function parseOptions(text: string): Row[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((option) => {
      const at = option.indexOf('=');
      return at < 0 ? { key: option, name: option } : { key: option.slice(0, at).trim(), name: option.slice(at + 1).trim() };
    });
}
