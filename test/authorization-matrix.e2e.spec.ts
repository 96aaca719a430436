import { createTestApp, TestApp } from '@app/testing';
import { Operation, OPERATIONS, Scope } from './security/operations';
import { openStream, send, urlOf } from './security/send';
import { buildWorld, CALLERS, Caller, clearContactOf, DEPARTMENT_CALLERS, fingerprint, markersOf, NARROW_CALLERS, quiescent, World } from './security/world';

/**
 * Pages the browser loads (HTML, scripts): public, outside the API document, and carrying no data;
 * and Bull Board's own routes, behind its gate (queue-board spec).
 */
const PAGE_PATHS = ['/app', '/basvuru', '/anket/', '/api/docs', '/api/v1/admin/queues'];
/** The bare address: a page of links to the ones above. */
const HOME = 'GET /';
const API_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

interface Expected {
  statuses: readonly number[] | '2xx';
  refused: boolean;
}

/** What a caller gets for an operation on its own department's resources or another's. */
function expectedFor(op: Operation, caller: Caller, scope: Scope): Expected {
  const ok = (statuses = op.ok): Expected => ({ statuses: statuses ?? '2xx', refused: !!statuses?.every((s) => s >= 400) });
  if (op.allow === 'webhook') return { statuses: op.ok!, refused: true };
  if (op.allow === 'public') return ok();
  if (caller === 'anonymous') return { statuses: [401], refused: true };
  const everyone = op.allow === 'staff' && (op.narrow || !NARROW_CALLERS.includes(caller));
  const allowed = everyone || caller === 'admin' || (Array.isArray(op.allow) && op.allow.includes(caller));
  if (!allowed) return { statuses: [403], refused: true };
  if (op.owned && scope === 'other' && !op.owned.exempt?.includes(caller)) return { statuses: [op.owned.foreign], refused: true };
  if (op.foreign && scope === 'other' && DEPARTMENT_CALLERS.includes(caller)) return { statuses: [op.foreign], refused: true };
  return ok();
}

/** Operations per slice of the matrix test. */
const SLICE = 60;

const matches = (status: number, statuses: Expected['statuses']) => (statuses === '2xx' ? status >= 200 && status < 300 : statuses.includes(status));

describe('the authorization matrix: every operation × every role × own and another department', () => {
  let t: TestApp;
  let w: World;
  let documented: string[];

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        TRUST_PROXY: 'loopback',
        TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
        TWILIO_AUTH_TOKEN: 'matrix-twilio-token-0123456789',
        TWILIO_API_KEY: `SK${'0'.repeat(32)}`,
        TWILIO_API_SECRET: 'matrix-voice-api-secret-0123456789',
        TWILIO_TWIML_APP_SID: `AP${'0'.repeat(32)}`,
        WHATSAPP_CLOUD_VERIFY_TOKEN: 'matrix-verify-token',
        WHATSAPP_CLOUD_APP_SECRET: 'matrix-app-secret-0123456789',
      },
    });
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
    w = await buildWorld(t);
  }, 120_000);
  afterAll(() => t?.close());

  it('has a row for every operation of the OpenAPI document, and none for an operation that is gone', () => {
    expect(documented.filter((op) => !OPERATIONS[op])).toEqual([]);
    expect(Object.keys(OPERATIONS).filter((op) => !documented.includes(op))).toEqual([]);
  });

  it('documents every route the app serves, but the pages', () => {
    const served = t.routes
      // A path left out of the global prefix is also registered for every method, answering 404.
      .filter((route) => route.methods.length < 10)
      .flatMap((route) =>
        route.methods.filter((m) => API_METHODS.includes(m.toLowerCase())).map((m) => `${m.toUpperCase()} ${route.url.replace(/:(\w+)/g, '{$1}')}`),
      );
    expect(served.filter((route) => route !== HOME && !documented.includes(route) && !PAGE_PATHS.some((page) => route.split(' ')[1].startsWith(page)))).toEqual(
      [],
    );
  });

  // In slices, each with its own time limit: the whole matrix takes several minutes.
  const slices = sliced(Object.entries(OPERATIONS), SLICE);
  it.each(slices.map((ops, i) => [`${i + 1}/${slices.length}`, ops] as const))(
    'gives each caller exactly its rights, tells a department nothing of another, and changes nothing when it refuses (operations %s)',
    async (_slice, ops) => {
      const failures: string[] = [];
      const otherMarkers = markersOf(w.other);
      const clear = [...clearContactOf(w.own), ...clearContactOf(w.other)];
      let requests = 0;
      for (const [key, op] of ops) {
        const [method, template] = key.split(' ');
        for (const caller of CALLERS) {
          for (const scope of ['own', 'other'] as const) {
            const expected = expectedFor(op, caller, scope);
            const req = await Promise.resolve()
              .then(() => op.request(w, caller, scope))
              .catch((error: Error) => error);
            if (req instanceof Error) {
              failures.push(`${key} as ${caller} (${scope}): could not prepare the request — ${req.message}`);
              continue;
            }
            const url = urlOf(template, req);
            const staff = caller === 'anonymous' ? null : w.callers[caller];
            if (expected.refused) await quiescent(t);
            const before = expected.refused ? await fingerprint(t) : null;
            const answer = op.stream ? await openStream(t, url, staff) : await send(t, method, url, req, staff);
            requests += 1;
            const where = `${key} as ${caller} (${scope})`;
            if (!matches(answer.status, expected.statuses))
              failures.push(`${where}: ${answer.status}, expected ${String(expected.statuses)} — ${answer.body.toString().slice(0, 200)}`);
            const leaked = (markers: (string | Buffer)[]) => markers.filter((m) => answer.body.includes(m)).map(String);
            if (expected.refused || DEPARTMENT_CALLERS.includes(caller)) {
              const found = leaked(otherMarkers);
              if (found.length) failures.push(`${where}: carries another department's ${found.join(', ')}`);
            }
            if (!(op.reveals && !expected.refused)) {
              const found = leaked(clear);
              if (found.length) failures.push(`${where}: carries clear personal data ${found.join(', ')}`);
            }
            if (before) {
              await quiescent(t);
              const after = await fingerprint(t);
              const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
              if (changed.length) failures.push(`${where}: refused with ${answer.status} but changed ${changed.join(', ')}`);
            }
          }
        }
      }
      process.stdout.write(`authorization matrix: ${ops.length} operations × ${CALLERS.length} callers × 2 scopes = ${requests} requests\n`);
      expect(failures).toEqual([]);
    },
    600_000,
  );
});

function sliced<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}
