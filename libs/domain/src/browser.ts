/**
 * The part of @app/domain the staff UI bundle may import: enums, Turkish labels and the status
 * lifecycle, free of Nest and of Node-only packages. The web tsconfig and scripts/build-ui.mjs
 * map `@app/domain` to this file for the browser code.
 */
export * from './role';
export * from './ticket-enums';
export * from './ticket-status';
export * from './identity-kind';
export * from './labels';
export type { StaffPrincipal } from './staff-principal';
export * from './office-labels';
export * from './audit-action';
export * from './call-centre';
