import { EntityManager, SelectQueryBuilder } from 'typeorm';
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
