import { randomBytes } from 'node:crypto';
import { asAdmin, unique } from './fixtures';
import { Operation } from './operation';
import { World } from './world';

const keys = new WeakMap<World, Promise<string>>();
/** One client application's key per world (issued by the admin, as in production). */
function apiKey(w: World): Promise<string> {
  if (!keys.has(w))
    keys.set(
      w,
      asAdmin(w, 'post', '/open311/clients', { name: 'Matris uygulaması' }).then((c) => c.apiKey as string),
    );
  return keys.get(w)!;
}

const serviceRequest = async (w: World) => ({
  api_key: await apiKey(w),
  service_code: 'TEM-001',
  lat: '36.89',
  long: '30.70',
  description: `Çöp toplanmadı ${unique()}`,
  email: `open311-${unique()}@example.com`,
});

/** Open311 GeoReport v2: public reads, filing with a client application's key; the keys are the admin's. */
export const OPEN311_OPERATIONS: Record<string, Operation> = {
  'GET /open311/v2/discovery.{format}': { allow: 'public', request: () => ({ path: { format: 'json' } }) },
  'GET /open311/v2/services.{format}': { allow: 'public', request: () => ({ path: { format: 'xml' } }) },
  'GET /open311/v2/services/{service_code}.{format}': { allow: 'public', request: () => ({ path: { service_code: 'FEN-001', format: 'json' } }) },
  'POST /open311/v2/requests.{format}': {
    allow: 'public',
    ok: [201],
    request: async (w) => ({ path: { format: 'json' }, form: true, body: await serviceRequest(w) }),
  },
  'GET /open311/v2/requests.{format}': { allow: 'public', request: () => ({ path: { format: 'json' }, query: { status: 'open' } }) },
  'GET /open311/v2/requests/{service_request_id}.{format}': {
    allow: 'public',
    ok: [404],
    request: () => ({ path: { service_request_id: '1999-000001', format: 'json' } }),
  },
  'GET /open311/v2/tokens/{token}.{format}': {
    allow: 'public',
    request: async (w) => {
      const res = await w.t
        .http()
        .post('/open311/v2/requests.json')
        .type('form')
        .send(await serviceRequest(w))
        .expect(201);
      return { path: { token: res.body[0].token ?? randomBytes(16).toString('hex'), format: 'json' } };
    },
  },
  'GET /api/v1/open311/clients': { allow: [], request: () => ({}) },
  'POST /api/v1/open311/clients': { allow: [], request: () => ({ body: { name: `Uygulama ${unique()}` } }) },
  'DELETE /api/v1/open311/clients/{id}': {
    allow: [],
    request: async (w) => ({ path: { id: (await asAdmin(w, 'post', '/open311/clients', { name: `Silinecek ${unique()}` })).id } }),
  },
};
