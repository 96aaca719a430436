import { createTestApp, FakeTwilioApi, TestApp } from '@app/testing';
import { OPERATIONS, Req } from './security/operations';
import { BAD_SEGMENTS, BAD_VALUES, formText, jsonBytes, leafPaths, nestedJson, prng, withValue } from './security/mutations';
import { urlOf } from './security/send';
import { PROVIDER_ENV, signatureFor, webhookRequest } from './security/webhooks';
import { buildWorld, quiescent, World } from './security/world';

const SEED = Number(process.env.FUZZ_SEED ?? 4982);
/** Words of class-validator's default messages. */
const ENGLISH = /\b(must|should|property|characters|each value)\b/;

function validationDetails(text: string): { field?: string; message: string }[] {
  try {
    const body = JSON.parse(text) as { code?: string; details?: { field?: string; message: string }[] };
    return body.code === 'VALIDATION_FAILED' ? (body.details ?? []) : [];
  } catch {
    return [];
  }
}
/** Requests per operation at most, besides the malformed bodies every operation gets; fewer again as a department role. */
const PER_OPERATION = 60;
const AS_DEPARTMENT = 15;

interface Probe {
  what: string;
  url: string;
  bytes?: Buffer;
  form?: boolean;
}

/** The bounded set of malformed variants of one well-formed request. */
function probesOf(template: string, method: string, base: Req, random: () => number, limit: number): Probe[] {
  const url = urlOf(template, base);
  const hasBody = method !== 'GET' && method !== 'DELETE';
  const encode = (body: unknown) => (base.form ? Buffer.from(formText(body as Record<string, unknown>)) : jsonBytes(body));
  const always: Probe[] = hasBody
    ? [
        { what: 'malformed JSON', url, bytes: Buffer.from('{"subject": "yarım') },
        { what: 'nesting 10,000 deep', url, bytes: nestedJson(5000) },
        {
          what: 'nesting 40 deep in a field',
          url,
          bytes: Buffer.from(
            jsonBytes({ ...(base.body as object), extra: '__deep__' })
              .toString()
              .replace('"__deep__"', nestedJson(20).toString()),
          ),
        },
        { what: 'an array body', url, bytes: Buffer.from('[1,2,3]') },
        { what: 'a bare string body', url, bytes: Buffer.from('"x"') },
        { what: 'a null body', url, bytes: Buffer.from('null') },
        { what: 'an empty object', url, bytes: Buffer.from('{}') },
      ]
    : [];
  const sampled: Probe[] = [];
  if (hasBody && base.body !== undefined) {
    for (const path of leafPaths(base.body)) {
      for (const bad of BAD_VALUES)
        sampled.push({ what: `${path.join('.')} = ${bad.name}`, url, bytes: encode(withValue(base.body, path, bad.value)), form: base.form });
    }
  }
  const query = { page: '1', pageSize: '25', ...(base.query ?? {}) };
  for (const key of Object.keys(method === 'GET' ? query : (base.query ?? {}))) {
    for (const bad of [...BAD_SEGMENTS, '1000000000000000', '-5', '']) {
      const raw = Object.entries(query)
        .map(([k, v]) => `${encodeURIComponent(k)}=${k === key ? bad : encodeURIComponent(v)}`)
        .join('&');
      sampled.push({
        what: `?${key}=${bad.slice(0, 20)}`,
        url: `${url.split('?')[0]}?${raw}`,
        bytes: hasBody ? encode(base.body ?? {}) : undefined,
        form: base.form,
      });
    }
    sampled.push({ what: `?${key} twice`, url: `${url}&${key}=a&${key}=b`, bytes: hasBody ? encode(base.body ?? {}) : undefined, form: base.form });
  }
  for (const name of Object.keys(base.path ?? {})) {
    for (const bad of BAD_SEGMENTS) {
      const path = template.replace(/\{(\w+)\}/g, (_, n: string) => (n === name ? bad : encodeURIComponent(base.path![n])));
      sampled.push({ what: `{${name}} = ${bad.slice(0, 20)}`, url: path, bytes: hasBody ? encode(base.body ?? {}) : undefined, form: base.form });
    }
  }
  for (let i = sampled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [sampled[i], sampled[j]] = [sampled[j], sampled[i]];
  }
  return [...always, ...sampled.slice(0, limit)];
}

describe('an OpenAPI-driven fuzz of every operation', () => {
  let t: TestApp;
  let w: World;

  // Twilio's REST API (a live call's transfer) answers from loopback, as it would: a call it does not know is a 404.
  const twilio = new FakeTwilioApi(PROVIDER_ENV.TWILIO_ACCOUNT_SID, PROVIDER_ENV.TWILIO_AUTH_TOKEN);

  beforeAll(async () => {
    t = await createTestApp({ env: { ...PROVIDER_ENV, TRUST_PROXY: 'loopback', TWILIO_API_URL: await twilio.start() } });
    w = await buildWorld(t);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await twilio.stop();
  });

  it('answers malformed, oversized and hostile input with a 4xx, never a 5xx, and stays responsive', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const random = prng(SEED);
    const failures: string[] = [];
    let sent = 0;
    for (const [template, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        const key = `${method} ${template}`;
        if (key.startsWith('GET /api/v1/live/')) continue; // streams: nothing to parse, and they never end
        const op = OPERATIONS[key];
        const base = webhookRequest(key) ?? (await op.request(w, 'admin', 'own'));
        const department = op.allow === 'staff' || (Array.isArray(op.allow) && op.allow.includes('department_staff'));
        const probes = [
          ...probesOf(template, method, base, random, PER_OPERATION).map((probe) => ({ probe, staff: w.callers.admin })),
          ...(department ? probesOf(template, method, base, random, AS_DEPARTMENT).map((probe) => ({ probe, staff: w.callers.department_staff })) : []),
        ];
        for (const { probe, staff } of probes) {
          let call = t.http()[method.toLowerCase() as 'post'](probe.url).set('Authorization', `Bearer ${staff.token}`);
          if (base.headers) for (const [name, value] of Object.entries(base.headers)) call = call.set(name, value);
          if (probe.bytes) {
            for (const [name, value] of Object.entries(signatureFor(probe.url, base, probe.bytes))) call = call.set(name, value);
            call = call
              .set('Content-Type', probe.form ? 'application/x-www-form-urlencoded' : 'application/json')
              .serialize((raw: Buffer) => raw as unknown as string)
              .send(probe.bytes as never);
          }
          const res = await call.buffer(true).catch((error: Error) => ({ status: 0, text: error.message }));
          sent += 1;
          if (res.status >= 500 || res.status === 0) failures.push(`${key} with ${probe.what}: ${res.status} ${String(res.text).slice(0, 160)}`);
          // Every validation message is Turkish: class-validator's English defaults never reach a client.
          if (res.status === 400) {
            const english = validationDetails(String(res.text)).filter((d) => ENGLISH.test(d.message));
            if (english.length) failures.push(`${key} with ${probe.what}: English message ${JSON.stringify(english[0])}`);
          }
        }
      }
    }
    await quiescent(t);
    const timings: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = process.hrtime.bigint();
      await t.http().get('/health').expect(200);
      timings.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    process.stdout.write(
      `fuzz: ${sent} requests over ${Object.keys(OPERATIONS).length} operations (seed ${SEED}), ${failures.length} answered 5xx or in English; /health after the run ${timings.map((ms) => ms.toFixed(1)).join(', ')} ms\n`,
    );
    expect(failures).toEqual([]);
    expect(Math.min(...timings)).toBeLessThan(100);
  }, 900_000);
});
