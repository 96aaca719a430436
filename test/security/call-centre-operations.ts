import { Operation } from './operation';

const FIGURE_VIEWERS = ['supervisor', 'department_manager', 'executive'] as const;

/** The call centre's figures, its wallboard and live stream, and the agents' state switcher. */
export const CALL_CENTRE_OPERATIONS: Record<string, Operation> = {
  // An agent gets their own figures (the calls they answered, their states); the spec checks the narrowing.
  'GET /api/v1/call-centre/figures': { allow: ['agent', ...FIGURE_VIEWERS], request: () => ({ query: { from: '2026-11-24', to: '2026-11-25' } }) },
  'GET /api/v1/call-centre/wallboard': { allow: FIGURE_VIEWERS, request: () => ({}) },
  'GET /api/v1/live/wallboard': { allow: FIGURE_VIEWERS, stream: true, request: () => ({}) },
  'GET /api/v1/voice/state': { allow: ['agent', 'supervisor'], request: () => ({}) },
  'POST /api/v1/voice/state': { allow: ['agent', 'supervisor'], request: () => ({ body: { state: 'break' } }) },
};
