import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { selectColumns } from '@app/database';
import { IdentityKind } from '@app/domain';
import { ChannelIdentity } from './channel-identity.entity';
import { Citizen } from './citizen.entity';

/**
 * The citizens behind any of these identities, each row with the identity that found it. The
 * pairs are compared as (identity_kind, text), so that every one is an index lookup on the
 * unique (kind, value) index: compared as text, every lookup read the whole table.
 */
export function citizensByIdentities(manager: EntityManager, identities: { kind: IdentityKind; value: string }[]): SelectQueryBuilder<Citizen> {
  return manager
    .createQueryBuilder(Citizen, 'c')
    .innerJoin(ChannelIdentity, 'i', 'i.citizen_id = c.id')
    .addSelect(['i.kind AS identity_kind', 'i.value AS identity_value'])
    .where('(i.kind, i.value) IN (SELECT * FROM unnest(:kinds::identity_kind[], :values::text[]))', {
      kinds: identities.map((i) => i.kind),
      values: identities.map((i) => i.value),
    });
}

/**
 * The same lookup for intake's hot path, read without the query builder and TypeORM's entity
 * hydration (see selectColumns): the citizen behind each identity, keyed `kind:value`, one
 * object per citizen.
 */
export async function citizensOfIdentities(manager: EntityManager, identities: { kind: IdentityKind; value: string }[]): Promise<Map<string, Citizen>> {
  const rows: (Citizen & { identity_kind: string; identity_value: string })[] = await manager.query(
    `SELECT ${selectColumns(manager, Citizen, 'c')}, i.kind AS identity_kind, i.value AS identity_value
       FROM citizens c JOIN citizen_identities i ON i.citizen_id = c.id
      WHERE (i.kind, i.value) IN (SELECT * FROM unnest($1::identity_kind[], $2::text[]))`,
    [identities.map((i) => i.kind), identities.map((i) => i.value)],
  );
  const citizens = new Map<string, Citizen>();
  const found = new Map<string, Citizen>();
  for (const { identity_kind, identity_value, ...columns } of rows) {
    let citizen = citizens.get(columns.id);
    if (!citizen) citizens.set(columns.id, (citizen = Object.assign(new Citizen(), columns)));
    found.set(`${identity_kind}:${identity_value}`, citizen);
  }
  return found;
}
