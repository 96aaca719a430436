import { REPORTERS } from './fixtures';
import { Operation } from './operation';

/** What the back-office screens added (issue 20c): the list of one's own recent exports. */
export const SCREENS_OPERATIONS: Record<string, Operation> = {
  // Each caller sees only their own exports, so nobody is refused another's: the list is simply theirs.
  'GET /api/v1/reports/exports': { allow: REPORTERS, request: () => ({}) },
};
