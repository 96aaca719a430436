import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * An entity's columns for a hand-written SELECT, each under its property name (`a."full_name" AS "fullName"`),
 * so that a row is the entity's fields as they are: for the hot paths (an intake batch, its
 * receipts), where TypeORM's query builder and entity hydration cost more CPU than the query.
 * Only for entities without transformers or embedded columns, whose node-postgres values are
 * what TypeORM would give; `Object.assign(new Entity(), row)` makes the entity.
 */
export function selectColumns<E extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<E>, alias: string): string {
  return manager.connection
    .getMetadata(target)
    .columns.map((column) => `${alias}."${column.databaseName}" AS "${column.propertyName}"`)
    .join(', ');
}
