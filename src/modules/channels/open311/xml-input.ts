import { Open311ErrorCode, Open311Exception } from './open311-errors';

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ELEMENT = /<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(?:\/>|>([^<]*)<\/\1\s*>)/g;
const CODE_ATTRIBUTE = /\bcode\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/**
 * A service request sent as XML instead of a form: `<service_request>` (or any root) holding
 * one element per form field, and `<attribute code="plaka">34 ABC 123</attribute>` per attribute.
 * No DTD is read: a DOCTYPE, an entity declaration or a reference to any entity but XML's five
 * is refused, so nothing external is ever fetched or expanded.
 */
export function parseXmlRequest(xml: string): Record<string, string | string[]> {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new Open311Exception(Open311ErrorCode.XmlEntities, 'body: XML içinde DOCTYPE veya ENTITY tanımı kabul edilmez');
  }
  const body = xml.replace(/^\uFEFF?\s*(<\?xml[^?]*\?>)?\s*/, '').trim();
  const root = /^<([A-Za-z_][\w.-]*)[^>]*>([\s\S]*)<\/\1\s*>$/.exec(body);
  if (!root) throw new Open311Exception(Open311ErrorCode.MalformedXml, 'body: XML okunamadı; kök öğe bekleniyor');
  const fields: Record<string, string | string[]> = {};
  const inner = root[2];
  let consumed = inner;
  for (const match of inner.matchAll(ELEMENT)) {
    const [whole, name, attributes, text] = match;
    consumed = consumed.replace(whole, '');
    const code = name === 'attribute' ? CODE_ATTRIBUTE.exec(attributes ?? '') : null;
    const key = code ? `attribute[${code[1] ?? code[2]}]` : name;
    const value = decode(text ?? '');
    const before = fields[key];
    fields[key] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  if (consumed.trim()) throw new Open311Exception(Open311ErrorCode.MalformedXml, 'body: XML okunamadı; iç içe öğe veya metin beklenmiyor');
  return fields;
}

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_all, ref: string) => {
    if (ref.startsWith('#')) {
      const point = /^#x/i.test(ref) ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      if (!(point > 0 && point <= 0x10ffff)) throw new Open311Exception(Open311ErrorCode.MalformedXml, `body: &${ref}; geçerli bir karakter değil`);
      return String.fromCodePoint(point);
    }
    if (PREDEFINED[ref] === undefined) throw new Open311Exception(Open311ErrorCode.XmlEntities, `body: XML varlığı &${ref}; tanımsız`);
    return PREDEFINED[ref];
  });
}
