/** The two formats GeoReport v2 speaks, chosen by the path's extension. */
export type Open311Format = 'json' | 'xml';

export const formatOf = (extension: string): Open311Format | null => (extension === 'json' || extension === 'xml' ? extension : null);

export type Open311Value = string | number | boolean | null | undefined | Open311Value[] | { [key: string]: Open311Value };

// The spec's XML names each list's items by the singular of the list.
const ITEM_OF: Record<string, string> = {
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  services: 'service',
  service_requests: 'request',
  errors: 'error',
};

/**
 * A response document: JSON as the spec's examples (a top-level array for lists), or XML with
 * `root` holding one element per item. `root` is the XML root (services, service_requests…);
 * an object (discovery, service_definition) is rendered as `root` itself.
 */
export function render(format: Open311Format, root: string, document: Open311Value): { type: string; text: string } {
  if (format === 'json') return { type: 'application/json; charset=utf-8', text: JSON.stringify(document) };
  return { type: 'text/xml; charset=utf-8', text: `<?xml version="1.0" encoding="utf-8"?>${element(root, document)}` };
}

function element(name: string, value: Open311Value): string {
  if (value === null || value === undefined) return `<${name}></${name}>`;
  if (Array.isArray(value)) {
    const item = ITEM_OF[name] ?? 'item';
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);

/** ISO 8601 in Türkiye's time (UTC+3 all year since 2016), as the spec's examples carry an offset. */
export function isoTurkey(date: Date | null): string | null {
  if (!date) return null;
  return `${new Date(date.getTime() + 3 * 3600_000).toISOString().slice(0, 19)}+03:00`;
}
