import { DomainException, ErrorKind } from '@app/common';

export enum IncidentErrorCode {
  Answered = 'INCIDENT_ANSWERED',
}

/** An incident answered is closed: its answer went out, nothing joins it any more. */
export class IncidentAnsweredException extends DomainException {
  constructor() {
    super(IncidentErrorCode.Answered, ErrorKind.Conflict, 'Olay yanıtlandı; yeni başvuru bağlanamaz, yanıt yeniden gönderilemez');
  }
}
