import { getMetadataStorage, MetadataStorage, ValidationError } from 'class-validator';
import { fieldName } from './field-labels';

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];

type Say = (constraints: unknown[], value: unknown) => string;

const list = (values: unknown[]) => values.map(String).join(', ');
/** IsEnum keeps the enum and its values (numeric enums' reverse keys left out). */
const enumValues = (c: unknown[]): unknown[] => (Array.isArray(c[1]) ? c[1] : []);

function length([min, max]: unknown[], value: unknown): string {
  const size = typeof value === 'string' ? value.length : null;
  if (size !== null && typeof min === 'number' && size < min) return `en az ${min} karakter olmalıdır`;
  if (size !== null && typeof max === 'number' && size > max) return `en fazla ${max} karakter olmalıdır`;
  return typeof max === 'number' ? `${String(min)} ile ${max} karakter arasında olmalıdır` : `en az ${String(min)} karakter olmalıdır`;
}

/** What each class-validator rule says in Turkish, after the field's name; by the rule's name. */
const RULES: Record<string, Say> = {
  isDefined: () => 'gereklidir',
  isString: () => 'metin olmalıdır',
  isNotEmpty: () => 'boş bırakılmamalıdır',
  isLength: length,
  minLength: ([n]) => `en az ${String(n)} karakter olmalıdır`,
  maxLength: ([n]) => `en fazla ${String(n)} karakter olmalıdır`,
  min: ([n]) => `en az ${String(n)} olmalıdır`,
  max: ([n]) => `en fazla ${String(n)} olmalıdır`,
  isInt: () => 'tam sayı olmalıdır',
  isNumber: () => 'sayı olmalıdır',
  isPositive: () => 'sıfırdan büyük bir sayı olmalıdır',
  isBoolean: () => 'doğru ya da yanlış (true/false) olmalıdır',
  isUuid: () => 'geçerli bir kimlik (UUID) olmalıdır',
  isEnum: (c) => `şunlardan biri olmalıdır: ${list(enumValues(c))}`,
  isIn: ([values]) => `şunlardan biri olmalıdır: ${list(Array.isArray(values) ? values : [])}`,
  matches: () => 'beklenen biçimde değil',
  isEmail: () => 'geçerli bir e-posta adresi olmalıdır',
  isDate: () => 'geçerli bir tarih olmalıdır',
  isDateString: () => 'ISO 8601 biçiminde bir tarih olmalıdır (ör. 2026-11-25 ya da 2026-11-25T10:00:00Z)',
  isIso8601: () => 'ISO 8601 biçiminde bir tarih olmalıdır (ör. 2026-11-25 ya da 2026-11-25T10:00:00Z)',
  isArray: () => 'liste olmalıdır',
  arrayNotEmpty: () => 'en az bir öğe içermelidir',
  arrayMinSize: ([n]) => `en az ${String(n)} öğe içermelidir`,
  arrayMaxSize: ([n]) => `en fazla ${String(n)} öğe içermelidir`,
  isObject: () => 'nesne olmalıdır',
  isLatitude: () => 'geçerli bir enlem olmalıdır (-90 ile 90 arasında)',
  isLongitude: () => 'geçerli bir boylam olmalıdır (-180 ile 180 arasında)',
  equals: ([v]) => `${JSON.stringify(v)} olmalıdır`,
  nestedValidation: () => 'nesne ya da nesne listesi olmalıdır',
};

/** The rule's name as class-validator keys its errors: a registered decorator's name, else the metadata's type. */
function ruleName(meta: ValidationMetadata): string {
  if (meta.type !== 'customValidation') return meta.type;
  return getMetadataStorage().getTargetValidatorConstraints(meta.constraintCls)[0]?.name ?? meta.name ?? meta.type;
}

function metadataOf(error: ValidationError): ValidationMetadata[] {
  const target = error.target as object | undefined;
  if (!target || typeof target !== 'object') return [];
  return getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .filter((m) => m.propertyName === error.property);
}

/**
 * The messages of one field's failed rules in Turkish, naming the field by its label and key:
 * "Başlık (subject) en az 3 karakter olmalıdır". A message the DTO wrote itself (`year: …`) keeps its
 * wording after the field's name: "Yıl (year): 2004 ile 2100 arasında olmalı".
 */
export function turkishMessages(error: ValidationError): string[] {
  const metas = metadataOf(error);
  const value = error.target ? (error.target as Record<string, unknown>)[error.property] : error.value;
  const name = fieldName(error.property);
  return Object.entries(error.constraints ?? {}).map(([rule, english]) => {
    if (rule === 'whitelistValidation') return `Bilinmeyen alan (${error.property}) gönderilemez`;
    const meta = metas.find((m) => ruleName(m) === rule);
    // A DTO's own message, written `key: text` (or `parent.key: text`): the key becomes the field's name.
    // (@ValidateNested always carries class-validator's English one: said in Turkish like the rest.)
    if (meta?.message && rule !== 'nestedValidation')
      return english.replace(/^([\w.]+):\s*/, (prefix, path: string) => (path.split('.').pop() === error.property ? `${name}: ` : prefix));
    const say = RULES[rule];
    const each = meta?.each && Array.isArray(value);
    if (!say) return `${name} geçerli değil`;
    if (each) return `${name} listesindeki her öğe ${say(meta.constraints ?? [], undefined)}`;
    return `${name} ${say(meta?.constraints ?? [], value)}`;
  });
}
