import { createTestApp, loginAs, Staff, TestApp, ticketInput, waitFor } from '@app/testing';
import { TICKET_SORTS } from '../src/modules/tickets/ticket-sorts';

interface Row {
  id: string;
  department: { id: string } | null;
}
interface ListPage {
  items: Row[];
  total: number;
  page: number;
  nextCursor: string | null;
}

const GENERATED = 60;

/** The list's order, said once more in SQL: the column (due date's nulls last either way), then the id, both one way. */
const ORDER_SQL: Record<string, string> = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  resolutionDueAt: 'resolution_due_at',
  priority: 'priority',
  status: 'status',
};
const orderSql = (sort: string) => {
  const direction = sort.startsWith('-') ? 'DESC' : 'ASC';
  return `${ORDER_SQL[sort.replace(/^-/, '')]} ${direction} NULLS LAST, id ${direction}`;
};

describe('Ticket list: keyset paging (after / nextCursor)', () => {
  let t: TestApp;
  let agent: Staff;
  let executive: Staff;
  let manager: Staff;
  let other: string;
  let templateId: string;
  let copiedColumns: string[];

  beforeAll(async () => {
    t = await createTestApp();
    [agent, executive, manager] = await Promise.all(['agent', 'executive', 'department-manager'].map((u) => loginAs(t, u)));
    [{ id: other }] = await t.dataSource.query(`SELECT id FROM departments WHERE id <> $1 ORDER BY name LIMIT 1`, [manager.departmentId]);
    const [{ id: pothole }] = await t.dataSource.query(`SELECT id FROM categories WHERE keywords && ARRAY['çukur']`);
    const template = (
      await t
        .http()
        .post('/api/v1/tickets')
        .set('Authorization', `Bearer ${agent.token}`)
        .send(ticketInput({ categoryId: pothole }))
        .expect(201)
    ).body;
    // Copied once routed, so no sweeper routes (and changes) the copies while the pages are read.
    await routed([template.id]);
    const fixed = ['id', 'tracking_no', 'created_at', 'updated_at', 'version', 'department_id', 'status', 'priority', 'resolution_due_at'];
    const columns: { column_name: string }[] = await t.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'tickets' AND table_schema = current_schema() AND is_generated = 'NEVER'`,
    );
    templateId = template.id;
    copiedColumns = columns.map((c) => `"${c.column_name}"`).filter((c) => !fixed.includes(c.slice(1, -1)));
    const copied = copiedColumns.join(', ');
    // Ties in threes on the creation time and in sevens on the last change, times to the microsecond,
    // every fifth without a due date, two departments, every status and priority order visited.
    await t.dataSource.query(
      `INSERT INTO tickets (${fixed.join(', ')}, ${copied})
       SELECT gen_random_uuid(), '2024-' || lpad(g::text, 6, '0'),
              timestamptz '2026-01-01T00:00:00Z' + (g / 3) * interval '1 hour' + interval '0.123457 second',
              timestamptz '2026-02-01T00:00:00Z' + (g % 9) * interval '1.000001 second',
              1, CASE WHEN g % 2 = 0 THEN $2::uuid ELSE $3::uuid END,
              (ARRAY['new', 'assigned', 'in_progress', 'closed']::ticket_status[])[1 + g % 4],
              (ARRAY['low', 'normal', 'high', 'urgent']::ticket_priority[])[1 + g % 3],
              CASE WHEN g % 5 = 0 THEN NULL ELSE timestamptz '2026-03-01T00:00:00Z' + (g % 7) * interval '1 day 0.000003 second' END,
              ${copied}
         FROM tickets, generate_series(1, ${GENERATED}) AS g WHERE tickets.id = $1`,
      [template.id, manager.departmentId, other],
    );
  });
  afterAll(() => t.close());

  /** Routing changes a new ticket's last-change time: the walks read only settled tickets. */
  const routed = (ids: string[]) =>
    waitFor('the new tickets routed', async () => {
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM tickets WHERE id = ANY($1) AND (routed_at IS NOT NULL OR triage)`, [ids]);
      return n === ids.length || null;
    });

  const list = async (staff: Staff, query: Record<string, string | number>) =>
    (await t.http().get('/api/v1/tickets').query(query).set('Authorization', `Bearer ${staff.token}`).expect(200)).body as ListPage;

  /** Every page from the first by `nextCursor`; `between` runs after each page. */
  async function walk(staff: Staff, query: Record<string, string | number>, between: (page: number) => Promise<void> = async () => undefined) {
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 1; page < 100; page += 1) {
      const body: ListPage = await list(staff, { ...query, ...(after ? { after, page } : {}) });
      expect(body.page).toBe(page);
      ids.push(...body.items.map((i) => i.id));
      await between(page);
      after = body.nextCursor;
      if (!after) return { ids, rows: body.items };
    }
    throw new Error('the cursor never reached the end');
  }

  it.each(TICKET_SORTS)('pages %s to the end in the list order, each ticket once', async (sort) => {
    const expected = (await t.dataSource.query(`SELECT id FROM tickets ORDER BY ${orderSql(sort)}`)).map((r: { id: string }) => r.id);
    expect(expected.length).toBeGreaterThan(GENERATED);
    const { ids } = await walk(executive, { sort, pageSize: 7 });
    expect(ids).toEqual(expected);
  });

  it('answers no next cursor on the last page, and the same total on every page', async () => {
    const total = Number((await t.dataSource.query('SELECT count(*) AS n FROM tickets'))[0].n);
    const whole = await list(executive, { pageSize: 100 });
    expect(whole).toMatchObject({ total, nextCursor: null });
    const first = await list(executive, { pageSize: total - 1 });
    expect(first.nextCursor).toEqual(expect.any(String));
    const last = await list(executive, { pageSize: total - 1, after: first.nextCursor!, page: 2 });
    expect(last).toMatchObject({ total, page: 2, nextCursor: null });
    expect(last.items).toHaveLength(1);
  });

  it('neither repeats nor skips a ticket while new ones are filed between pages', async () => {
    const before: string[] = (await t.dataSource.query('SELECT id FROM tickets ORDER BY created_at, id')).map((r: { id: string }) => r.id);
    const filed: string[] = [];
    const file = async () => {
      t.clock.set(new Date(t.clock.now().getTime() + 60_000));
      const res = await t.http().post('/api/v1/tickets').set('Authorization', `Bearer ${agent.token}`).send(ticketInput()).expect(201);
      filed.push(res.body.id);
    };
    // Newest first: what is filed meanwhile lands before the cursor, so the walk reads exactly what was there.
    const newest = await walk(executive, { sort: '-createdAt', pageSize: 10 }, async (page) => (page <= 3 ? file() : undefined));
    expect(filed).toHaveLength(3);
    expect(newest.ids).toEqual([...before].reverse());
    // Oldest first: what is filed meanwhile comes after everything that was there, once.
    const oldest = await walk(executive, { sort: 'createdAt', pageSize: 10 }, async (page) => (page <= 3 ? file() : undefined));
    expect(oldest.ids).toEqual([...before, ...filed]);
    await routed(filed);
  });

  it("keeps a department manager to their department's tickets on every cursor page, whatever cursor is sent", async () => {
    const own: string[] = (
      await t.dataSource.query(`SELECT id FROM tickets WHERE department_id = $1 ORDER BY ${orderSql('-updatedAt')}`, [manager.departmentId])
    ).map((r: { id: string }) => r.id);
    expect(own.length).toBeGreaterThanOrEqual(GENERATED / 2);
    const { ids } = await walk(manager, { sort: '-updatedAt', pageSize: 4 });
    expect(ids).toEqual(own);

    // A cursor standing on another department's ticket (made by the executive's list, or by hand) gives nothing of it.
    const foreign = await list(executive, { sort: '-createdAt', pageSize: 1, departmentId: other });
    expect(foreign.items[0].department?.id).toBe(other);
    const afterForeign = await list(manager, { sort: '-createdAt', pageSize: 100, after: foreign.nextCursor!, page: 2 });
    expect(afterForeign.items.length).toBeGreaterThan(0);
    expect(afterForeign.items.every((i) => i.department?.id === manager.departmentId)).toBe(true);
    const asked = await list(manager, { sort: '-createdAt', pageSize: 100, after: foreign.nextCursor!, departmentId: other });
    expect(asked.items).toEqual([]);
  });

  it('refuses a malformed cursor, or one made for another sort, with a 400 naming `after`', async () => {
    const first = await list(executive, { sort: '-createdAt', pageSize: 2 });
    const refused = async (query: Record<string, string>) =>
      (await t.http().get('/api/v1/tickets').query(query).set('Authorization', `Bearer ${executive.token}`).expect(400)).body;
    const malformed = await refused({ after: 'bozuk-bir-imlec' });
    expect(malformed).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Geçersiz alan: after' });
    expect(malformed.details).toEqual([{ field: 'after', message: expect.stringMatching(/^Devam noktası \(after\): geçersiz devam noktası/) }]);
    const injected = Buffer.from(JSON.stringify(['-createdAt', "2026-01-01' OR true --", first.items[0].id])).toString('base64url');
    expect((await refused({ after: injected })).details).toEqual([{ field: 'after', message: expect.stringMatching(/^Devam noktası \(after\): geçersiz/) }]);
    const otherSort = await refused({ sort: '-updatedAt', after: first.nextCursor! });
    expect(otherSort.details).toEqual([{ field: 'after', message: expect.stringMatching(/^Devam noktası \(after\): .*sort=-createdAt.*sort=-updatedAt/) }]);
  });

  it("stops a word search's count at 1,000, the list's own count at 10,000", async () => {
    const copied = copiedColumns.filter((c) => c !== '"search_text"').join(', ');
    await t.dataSource.query(
      `INSERT INTO tickets (id, tracking_no, search_text, created_at, updated_at, version, department_id, status, priority, resolution_due_at, ${copied})
       SELECT gen_random_uuid(), '2023-' || lpad(g::text, 6, '0'), 'benzersizkelime ' || g, now(), now(), 1, department_id, status, priority, resolution_due_at,
              ${copied}
         FROM tickets, generate_series(1, 1001) AS g WHERE tickets.id = $1`,
      [templateId],
    );
    const total = Number((await t.dataSource.query('SELECT count(*) AS n FROM tickets'))[0].n);
    expect(total).toBeGreaterThan(1001);
    expect(await list(executive, { q: 'benzersizkelime', pageSize: 1 })).toMatchObject({ total: 1000, totalCapped: true });
    expect(await list(executive, { pageSize: 1 })).toMatchObject({ total, totalCapped: false });
    // A tracking number, phone or e-mail is counted as the list is.
    expect(await list(executive, { q: '2023-000001', pageSize: 1 })).toMatchObject({ total: 1, totalCapped: false });
  });
});
