import { Operation } from './operation';

/** The orchestrators' probes: anyone may ask (they name no data, only up or down). */
export const HEALTH_OPERATIONS: Record<string, Operation> = {
  'GET /health/live': { allow: 'public', request: () => ({}) },
  'GET /health/ready': { allow: 'public', request: () => ({}) },
};
