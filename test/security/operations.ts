import { ADMIN_UI_OPERATIONS } from './admin-ui-operations';
import { BACK_OFFICE_OPERATIONS } from './back-office-operations';
import { CALL_CENTRE_OPERATIONS } from './call-centre-operations';
import { CIMER_OPERATIONS } from './cimer-operations';
import { DESK_OPERATIONS } from './desk-operations';
import { DOCUMENTS_OPERATIONS } from './documents-operations';
import { HEALTH_OPERATIONS } from './health-operations';
import { INCIDENT_OPERATIONS } from './incident-operations';
import { INFORMATION_OPERATIONS } from './information-operations';
import { KVKK_OPERATIONS } from './kvkk-operations';
import { OFFICE_OPERATIONS } from './office-operations';
import { OPEN311_OPERATIONS } from './open311-operations';
import { Operation } from './operation';
import { PUBLIC_OPERATIONS } from './public-operations';
import { SCREENS_OPERATIONS } from './screens-operations';
import { STRUCTURE_OPERATIONS } from './structure-operations';
import { TICKET_OPERATIONS } from './ticket-operations';
import { VOICE_OPERATIONS } from './voice-operations';

export type { Operation, Req, Scope } from './operation';

/**
 * Every operation of the API. The matrix test fails on an operation of the OpenAPI document
 * that is not here, so a new endpoint cannot ship without saying who may call it.
 */
export const OPERATIONS: Record<string, Operation> = {
  ...STRUCTURE_OPERATIONS,
  ...TICKET_OPERATIONS,
  ...DESK_OPERATIONS,
  ...INFORMATION_OPERATIONS,
  ...CIMER_OPERATIONS,
  ...KVKK_OPERATIONS,
  ...BACK_OFFICE_OPERATIONS,
  ...OFFICE_OPERATIONS,
  ...PUBLIC_OPERATIONS,
  ...OPEN311_OPERATIONS,
  ...VOICE_OPERATIONS,
  ...CALL_CENTRE_OPERATIONS,
  ...SCREENS_OPERATIONS,
  ...ADMIN_UI_OPERATIONS,
  ...DOCUMENTS_OPERATIONS,
  ...HEALTH_OPERATIONS,
  ...INCIDENT_OPERATIONS,
};
