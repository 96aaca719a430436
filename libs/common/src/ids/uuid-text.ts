/**
 * Any uuid as PostgreSQL writes one (8-4-4-4-12 hex digits), whatever its version and variant
 * bits: the `uuid` type stores any 128 bits, and ids made elsewhere (imported, or generated as the
 * scale bench does from a hash) need not follow RFC 9562. Stricter checks (class-validator's
 * `isUUID`, Nest's `ParseUUIDPipe`) refuse such an id although the database holds it.
 */
export const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
