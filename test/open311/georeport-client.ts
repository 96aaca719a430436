/**
 * A GeoReport v2 client written from the specification (http://wiki.open311.org/GeoReport_v2)
 * alone: it knows a discovery URL and speaks HTTP, form-encoded POSTs with `attribute[code]`
 * fields as FixMyStreet and other city apps send them, and reads JSON or XML. It imports
 * nothing from the server.
 */
export type Format = 'json' | 'xml';

export interface ServiceRequestForm {
  service_code: string;
  lat?: number;
  long?: number;
  address_string?: string;
  address_id?: string;
  description?: string;
  media_url?: string;
  first_name?: string;
  last_name?: string;
  email?: string;
  phone?: string;
  attributes?: Record<string, string | string[]>;
}

export class GeoReportError extends Error {
  constructor(
    readonly status: number,
    readonly errors: { code: number; description: string }[],
  ) {
    super(`${status}: ${errors.map((e) => e.description).join('; ')}`);
  }
}

export class GeoReportClient {
  private constructor(
    readonly endpoint: string,
    private readonly apiKey: string,
  ) {}

  /** Reads the discovery document and picks the production endpoint that serves both formats. */
  static async discover(discoveryUrl: string, apiKey: string): Promise<GeoReportClient> {
    const discovery = (await getJson(discoveryUrl)) as { endpoints: { url: string; type: string; specification: string; formats: string[] }[] };
    const endpoint = discovery.endpoints.find(
      (e) => e.type === 'production' && /GeoReport_v2/.test(e.specification) && e.formats.includes('text/xml') && e.formats.includes('application/json'),
    );
    if (!endpoint) throw new Error('no GeoReport v2 production endpoint in discovery');
    return new GeoReportClient(endpoint.url.replace(/\/$/, ''), apiKey);
  }

  services(): Promise<{ service_code: string; service_name: string; metadata: boolean; type: string; group: string }[]> {
    return getJson(`${this.endpoint}/services.json`) as never;
  }

  definition(
    serviceCode: string,
  ): Promise<{ service_code: string; attributes: { code: string; datatype: string; required: boolean; values?: { key: string }[] }[] }> {
    return getJson(`${this.endpoint}/services/${encodeURIComponent(serviceCode)}.json`) as never;
  }

  /** POST requests; the answer is a service_request_id or a token to follow. */
  async submit(form: ServiceRequestForm): Promise<{ service_request_id?: string; token?: string }> {
    const body = new URLSearchParams();
    body.append('api_key', this.apiKey);
    for (const [name, value] of Object.entries(form)) {
      if (name === 'attributes' || value === undefined) continue;
      body.append(name, String(value));
    }
    for (const [code, value] of Object.entries(form.attributes ?? {})) {
      for (const one of Array.isArray(value) ? value : [value]) body.append(Array.isArray(value) ? `attribute[${code}][]` : `attribute[${code}]`, one);
    }
    const res = await fetch(`${this.endpoint}/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    const parsed = (await res.json()) as { service_request_id?: string; token?: string }[] & { code: number; description: string }[];
    if (!res.ok) throw new GeoReportError(res.status, parsed);
    return parsed[0];
  }

  async token(token: string): Promise<{ service_request_id: string | null; token: string }> {
    return ((await getJson(`${this.endpoint}/tokens/${encodeURIComponent(token)}.json`)) as never[])[0];
  }

  /** Follows a token until the jurisdiction has given the request an id. */
  async requestIdFor(token: string, timeoutMs = 15_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const answer = await this.token(token).catch(() => null);
      if (answer?.service_request_id) return answer.service_request_id;
      if (Date.now() > until) throw new Error(`token ${token} has no service_request_id`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async request(id: string, format: Format): Promise<Record<string, string | number | null>> {
    const url = `${this.endpoint}/requests/${encodeURIComponent(id)}.${format}`;
    if (format === 'json') return ((await getJson(url)) as Record<string, string | number | null>[])[0];
    const res = await fetch(url);
    const text = await res.text();
    if (!res.ok) throw new GeoReportError(res.status, []);
    return firstRequestOf(text);
  }
}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  const parsed: unknown = await res.json();
  if (!res.ok) throw new GeoReportError(res.status, parsed as { code: number; description: string }[]);
  return parsed;
}

/**
 * `<service_requests><request><field>value</field>…</request></service_requests>`: the first
 * request's fields, as text; an empty or self-closed element (the spec's `<account_id/>`) is
 * null, and the text is trimmed (the spec's examples indent it).
 */
export function firstRequestOf(xml: string): Record<string, string | null> {
  const request = /<service_requests>\s*<request>([\s\S]*?)<\/request>/.exec(xml);
  if (!request) throw new Error(`no request in ${xml.slice(0, 200)}`);
  const fields: Record<string, string | null> = {};
  for (const [, name, text, closed] of request[1].matchAll(/<(\w+)>([^<]*)<\/\1>|<(\w+)\/>/g)) {
    if (closed) fields[closed] = null;
    const value = text?.trim();
    if (name)
      fields[name] = !value
        ? null
        : value
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&apos;/g, "'")
            .replace(/&amp;/g, '&');
  }
  return fields;
}
