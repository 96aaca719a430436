import { categoryId } from '@app/testing';
import { asAdmin, newCategory, newDepartment, sideOf, unique } from './fixtures';
import { Operation } from './operation';
import { bearer } from './world';

/** Sign-in, users and the municipality's structure. */
export const STRUCTURE_OPERATIONS: Record<string, Operation> = {
  // auth and users
  'POST /api/v1/auth/login': {
    allow: 'public',
    request: () => ({ body: { username: 'agent', password: 'Demo-agent-2026' } }),
  },
  'GET /api/v1/auth/me': { allow: 'staff', narrow: true, request: () => ({}) },
  // the staff screens' settings (map tiles, whether the browser softphone is configured)
  'GET /api/v1/ui/config': { allow: 'staff', narrow: true, request: () => ({}) },
  'GET /api/v1/users': { allow: [], request: () => ({}) },
  'POST /api/v1/users': {
    allow: [],
    request: () => ({ body: { username: `u-${unique()}`, fullName: 'Yeni Kullanıcı', role: 'agent', password: 'Yeni-Parola-12345' } }),
  },
  'GET /api/v1/users/{id}': { allow: [], request: (w) => ({ path: { id: w.callers.agent.id } }) },
  'PATCH /api/v1/users/{id}': {
    allow: [],
    request: async (w) => {
      const user = await asAdmin(w, 'post', '/users', { username: `u-${unique()}`, fullName: 'Düzenlenecek', role: 'agent', password: 'Yeni-Parola-12345' });
      return { path: { id: user.id }, body: { fullName: 'Düzenlendi' } };
    },
  },

  // the municipality's structure
  'GET /api/v1/departments': { allow: 'staff', narrow: true, request: () => ({}) },
  'POST /api/v1/departments': { allow: [], request: async (w) => ({ body: await newDepartment(w) }) },
  'GET /api/v1/departments/{id}': { allow: 'staff', request: (w, _c, scope) => ({ path: { id: sideOf(w, scope).departmentId } }) },
  'PATCH /api/v1/departments/{id}': {
    allow: [],
    request: async (w) => ({ path: { id: (await asAdmin(w, 'post', '/departments', await newDepartment(w))).id }, body: { name: 'Denendi' } }),
  },
  'GET /api/v1/mahalleler': { allow: 'staff', request: () => ({}) },
  'POST /api/v1/mahalleler': { allow: [], request: () => ({ body: { code: `M${unique().toUpperCase()}`, name: 'Deneme Mahallesi' } }) },
  'GET /api/v1/mahalleler/{id}': { allow: 'staff', request: (w) => ({ path: { id: w.mahalleId } }) },
  'PATCH /api/v1/mahalleler/{id}': {
    allow: [],
    request: async (w) => ({
      path: { id: (await asAdmin(w, 'post', '/mahalleler', { code: `M${unique().toUpperCase()}`, name: 'Deneme' })).id },
      body: { name: 'Denendi' },
    }),
  },
  'GET /api/v1/categories': { allow: 'staff', request: () => ({}) },
  'POST /api/v1/categories': {
    allow: [],
    request: (w) => ({ body: newCategory(w) }),
  },
  'GET /api/v1/categories/{id}': { allow: 'staff', request: async (w) => ({ path: { id: await categoryId(w.t.dataSource, 'FEN-001') } }) },
  'PATCH /api/v1/categories/{id}': {
    allow: [],
    request: async (w) => {
      const category = await asAdmin(w, 'post', '/categories', newCategory(w));
      return { path: { id: category.id }, body: { name: `Denendi ${unique()}` } };
    },
  },
  'GET /api/v1/institutions': { allow: 'staff', request: () => ({}) },
  'GET /api/v1/deadline-policies': { allow: 'staff', request: () => ({}) },
  'POST /api/v1/deadline-policies': {
    allow: [],
    request: () => ({
      body: { code: `P_${unique().toUpperCase()}`, name: 'Deneme süresi', legalBasis: 'internal', resolutionAmount: 5, resolutionUnit: 'working_days' },
    }),
  },
  'PATCH /api/v1/deadline-policies/{id}': {
    allow: [],
    request: async (w) => ({
      path: {
        id: (
          await asAdmin(w, 'post', '/deadline-policies', {
            code: `P_${unique().toUpperCase()}`,
            name: 'Deneme',
            legalBasis: 'internal',
            resolutionAmount: 5,
            resolutionUnit: 'working_days',
          })
        ).id,
      },
      body: { resolutionAmount: 6 },
    }),
  },
  'GET /api/v1/calendar': { allow: ['supervisor', 'executive'], request: () => ({ query: { year: '2026' } }) },
  'POST /api/v1/calendar/overrides': {
    allow: [],
    request: () => ({
      body: {
        date: `2027-${String(Math.floor(Math.random() * 12) + 1).padStart(2, '0')}-${String(Math.floor(Math.random() * 27) + 1).padStart(2, '0')}`,
        kind: 'half_day_off',
        reason: 'Deneme günü',
      },
    }),
    ok: [201, 409],
  },
  'DELETE /api/v1/calendar/overrides/{id}': {
    allow: [],
    request: async (w) => {
      const res = await w.t
        .http()
        .post('/api/v1/calendar/overrides')
        .set(bearer(w.callers.admin))
        .send({ date: `2028-0${Math.floor(Math.random() * 9) + 1}-1${Math.floor(Math.random() * 9)}`, kind: 'day_off', reason: 'Silinecek gün' });
      const [row] = res.status === 201 ? [res.body] : await w.t.dataSource.query(`SELECT id FROM calendar_overrides ORDER BY created_at DESC LIMIT 1`);
      return { path: { id: row.id } };
    },
    ok: [204, 404],
  },
  'GET /api/v1/routing-rules': { allow: ['supervisor', 'executive'], request: () => ({}) },
  'POST /api/v1/routing-rules': {
    allow: [],
    request: async (w) => ({ body: { mahalleId: w.mahalleId, kind: 'oneri', departmentId: w.own.departmentId, active: false } }),
    ok: [201, 409],
  },
  'PATCH /api/v1/routing-rules/{id}': {
    allow: [],
    request: async (w) => {
      const [rule] = await w.t.dataSource.query('SELECT id FROM routing_rules LIMIT 1');
      const id =
        rule?.id ??
        (await asAdmin(w, 'post', '/routing-rules', { mahalleId: w.mahalleId, kind: 'tesekkur', departmentId: w.own.departmentId, active: false })).id;
      return { path: { id }, body: { active: false } };
    },
  },
  'DELETE /api/v1/routing-rules/{id}': {
    allow: [],
    request: async (w) => ({
      path: {
        id: (
          await asAdmin(w, 'post', '/routing-rules', {
            categoryId: await categoryId(w.t.dataSource, 'FEN-002'),
            kind: null,
            departmentId: w.own.departmentId,
            active: false,
          })
        ).id,
      },
    }),
    ok: [204],
  },

  // operations
  'GET /api/v1/admin/jobs/failed': { allow: [], request: () => ({}) },
  'POST /api/v1/admin/jobs/{queue}/{id}/retry': { allow: [], ok: [404], request: () => ({ path: { queue: 'intake', id: `events-${unique()}` } }) },

  // the category classifier: its versions for admins, suggestions for the call centre
  'GET /api/v1/classifier/models': { allow: [], request: () => ({}) },
  'POST /api/v1/classifier/models': {
    allow: [],
    ok: [409],
    // A training already "running", dated ahead so that no sweeper hands it to a worker: the admin
    // gets the refusal, and no training keeps the queues busy while the matrix waits for them.
    request: async (w) => {
      await w.t.dataSource.query(
        `INSERT INTO classifier_models (reason, created_at) VALUES ('admin', now() + interval '1 day') ON CONFLICT (state) WHERE state = 'training' DO NOTHING`,
      );
      return {};
    },
  },
  'POST /api/v1/classifier/models/{id}/activate': { allow: [], ok: [404], request: () => ({ path: { id: '00000000-0000-4000-8000-00000000c1a5' } }) },
  'POST /api/v1/classifier/suggestions': { allow: ['agent', 'supervisor'], request: () => ({ body: { text: 'Sokağımızda çukur var' } }) },
};
