import { DomainException, ErrorKind } from '@app/common';

export enum TicketErrorCode {
  NotFound = 'TICKET_NOT_FOUND',
  InvalidTransition = 'TICKET_INVALID_TRANSITION',
  VersionConflict = 'TICKET_VERSION_CONFLICT',
  Closed = 'TICKET_CLOSED',
  LookupNotFound = 'TICKET_LOOKUP_NOT_FOUND',
  ExtensionRefused = 'TICKET_EXTENSION_REFUSED',
  /** A Law 4982 step that does not fit where the application stands (a fee on a fee, an objection to a grant). */
  InformationStep = 'TICKET_INFORMATION_STEP_REFUSED',
}

const KIND: Record<TicketErrorCode, ErrorKind> = {
  [TicketErrorCode.NotFound]: ErrorKind.NotFound,
  [TicketErrorCode.InvalidTransition]: ErrorKind.Conflict,
  [TicketErrorCode.VersionConflict]: ErrorKind.Conflict,
  [TicketErrorCode.Closed]: ErrorKind.Conflict,
  [TicketErrorCode.LookupNotFound]: ErrorKind.NotFound,
  [TicketErrorCode.ExtensionRefused]: ErrorKind.Conflict,
  [TicketErrorCode.InformationStep]: ErrorKind.Conflict,
};

export class TicketException extends DomainException {
  constructor(code: TicketErrorCode, message: string) {
    super(code, KIND[code], message);
  }
}

export const ticketNotFound = () => new TicketException(TicketErrorCode.NotFound, 'Başvuru bulunamadı');
