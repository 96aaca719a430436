import { createTestApp, TestApp } from '@app/testing';
import { citizensOfIdentitiesQuery } from '../src/modules/citizens/citizens-by-identity';
import { ORIGINALS_SQL } from '../src/modules/tickets/duplicate-detector.service';
import { DefaultMunicipalityLoader } from '../src/modules/municipality/default-municipality.loader';
import { resolve } from 'node:path';
import { IdentityKind } from '@app/domain';
import { Institution } from '../src/modules/categories/institution.entity';

describe('database schema and default municipality', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has exactly the schema the entities describe (an entity change without a migration fails here)', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('fills every generated uuid key with a time-ordered id (UUID version 7 of the current millisecond)', async () => {
    const defaults: { table_name: string; column_default: string }[] = await t.dataSource.query(
      `SELECT table_name, column_default FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type = 'uuid' AND column_default IS NOT NULL ORDER BY table_name`,
    );
    expect(defaults.length).toBeGreaterThanOrEqual(45);
    expect(defaults.filter((d) => d.column_default !== 'uuid_v7()')).toEqual([]);

    const [row] = await t.dataSource.query(
      `SELECT uuid_v7()::text AS first, uuid_v7()::text AS second, (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms`,
    );
    for (const id of [row.first, row.second]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(row.first).not.toBe(row.second);
    const ms = parseInt(row.second.slice(0, 8) + row.second.slice(9, 13), 16);
    expect(Number(row.ms) - ms).toBeGreaterThanOrEqual(0);
    expect(Number(row.ms) - ms).toBeLessThan(1000);

    // And TypeORM hands back the id the database chose.
    const institution = await t.dataSource.getRepository(Institution).save({ code: 'SIRALI', name: 'Sıralı Kimlik Kurumu', phone: null, website: null });
    expect(institution.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect((await t.dataSource.query(`SELECT code FROM institutions WHERE id = $1`, [institution.id]))[0].code).toBe('SIRALI');
  });

  it('finds citizens by identity with lookups on the unique (kind, value) index, not by reading the table', async () => {
    const identities = [
      { kind: IdentityKind.Phone, value: '+905321234567' },
      { kind: IdentityKind.Email, value: 'ayse@example.com' },
    ];
    const { sql: query, params: parameters } = citizensOfIdentitiesQuery(t.dataSource.manager, identities);
    // On a table this small the planner would rather read it all; what matters is whether it can look up.
    const plan: string = await t.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      return (await manager.query(`EXPLAIN ${query}`, parameters)).map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Index Scan using "\w+" on citizen_identities[\s\S]*Index Cond: \(\(kind = [\w.]+\) AND \(\(value\)::text = [\w.]+\)\)/);
  });

  it("looks for a citizen's and a mahalle's open tickets of the category through (citizen or mahalle, category, created) indexes, the mahalle's of open tickets only", async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const parameters = [[0], [id], [id], [id], ['sokak lambasi yanmiyor'], ['new', 'in_progress'], new Date('2026-11-19T00:00:00Z'), 0.45, [null]];
    const plan: string = await t.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      await manager.query('SET LOCAL enable_bitmapscan = off');
      return (await manager.query(`EXPLAIN ${ORIGINALS_SQL}`, parameters)).map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
    });
    // Both columns and the week bound are index conditions: no ticket of another category or an older week is read.
    expect(plan).toMatch(/Index Cond: \(\(citizen_id = x\.citizen_id\) AND \(category_id = x\.category_id\) AND \(created_at >= /);
    expect(plan).toMatch(
      /using idx_tickets_open_mahalle_category on tickets[\s\S]*Index Cond: \(\(mahalle_id = x\.mahalle_id\) AND \(category_id = x\.category_id\) AND \(created_at >= /,
    );
  });

  it('loads a realistic municipality on first start', async () => {
    const count = async (table: string) => Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
    expect(await count('departments')).toBeGreaterThanOrEqual(12);
    expect(await count('categories')).toBeGreaterThanOrEqual(30);
    expect(await count('mahalleler')).toBe(12);
    const roles = await t.dataSource.query('SELECT role FROM users ORDER BY role::text');
    expect(roles.map((r: { role: string }) => r.role)).toEqual([
      'admin',
      'agent',
      'cimer_officer',
      'department_manager',
      'department_staff',
      'executive',
      'supervisor',
    ]);
    const [pothole] = await t.dataSource.query(
      `SELECT d.code FROM categories c JOIN departments d ON d.id = c.default_department_id
       WHERE c.keywords && ARRAY['çukur']`,
    );
    expect(pothole.code).toBe('FEN');
    const [water] = await t.dataSource.query(
      `SELECT i.code FROM categories c JOIN institutions i ON i.id = c.refer_to_institution_id
       WHERE c.name ILIKE '%su kesintisi%'`,
    );
    expect(water.code).toBe('SU_IDARESI');
  });

  it('loads the same file twice without duplicating anything', async () => {
    const snapshot = () =>
      t.dataSource.query(
        `SELECT (SELECT count(*) FROM departments) d, (SELECT count(*) FROM categories) c,
                (SELECT count(*) FROM mahalleler) m, (SELECT count(*) FROM users) u,
                (SELECT count(*) FROM institutions) i, (SELECT count(*) FROM deadline_policies) p`,
      );
    const before = await snapshot();
    const loader = t.app.get(DefaultMunicipalityLoader);
    await expect(Promise.all([loader.load(resolve('data/municipality.json')), loader.load(resolve('data/municipality.json'))])).resolves.toEqual([0, 0]);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps the müdürlük → başkan yardımcılığı → başkanlık hierarchy', async () => {
    const broken = await t.dataSource.query(
      `SELECT d.code FROM departments d LEFT JOIN departments p ON p.id = d.parent_id
       WHERE (d.level = 'mudurluk' AND p.level IS DISTINCT FROM 'baskan_yardimciligi')
          OR (d.level = 'baskan_yardimciligi' AND p.level IS DISTINCT FROM 'baskanlik')
          OR (d.level = 'baskanlik' AND d.parent_id IS NOT NULL)`,
    );
    expect(broken).toEqual([]);
  });
});
