import { EntityManager } from 'typeorm';
import { queryPrepared, selectColumns } from '@app/database';
import { IdentityKind } from '@app/domain';
import { Citizen } from './citizen.entity';

/**
 * The statement behind citizensOfIdentities: each citizen behind any of these identities, with the
 * identity that found it. The pairs are compared as (identity_kind, text), so that every one is an
 * index lookup on the unique (kind, value) index: compared as text, every lookup read the whole table.
 */
export function citizensOfIdentitiesQuery(manager: EntityManager, identities: { kind: IdentityKind; value: string }[]) {
  return {
    sql: `SELECT ${selectColumns(manager, Citizen, 'c')}, i.kind AS identity_kind, i.value AS identity_value
            FROM citizens c JOIN citizen_identities i ON i.citizen_id = c.id
           WHERE (i.kind, i.value) IN (SELECT * FROM unnest($1::identity_kind[], $2::text[]))`,
    params: [identities.map((i) => i.kind), identities.map((i) => i.value)],
  };
}

/**
 * The citizen behind each identity, keyed `kind:value`, one object per citizen; read without the
 * query builder and TypeORM's entity hydration (see selectColumns), as intake's hot path asks.
 */
export async function citizensOfIdentities(manager: EntityManager, identities: { kind: IdentityKind; value: string }[]): Promise<Map<string, Citizen>> {
  const { sql, params } = citizensOfIdentitiesQuery(manager, identities);
  const rows = await queryPrepared<(Citizen & { identity_kind: string; identity_value: string })[]>(manager, sql, params);
  const citizens = new Map<string, Citizen>();
  const found = new Map<string, Citizen>();
  for (const { identity_kind, identity_value, ...columns } of rows) {
    let citizen = citizens.get(columns.id);
    if (!citizen) citizens.set(columns.id, (citizen = Object.assign(new Citizen(), columns)));
    found.set(`${identity_kind}:${identity_value}`, citizen);
  }
  return found;
}
