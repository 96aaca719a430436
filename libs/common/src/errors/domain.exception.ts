/** How a domain error maps to HTTP; each context's code table picks one per code. */
export enum ErrorKind {
  Invalid = 'invalid',
  Unauthorized = 'unauthorized',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  TooLarge = 'too_large',
  UnsupportedType = 'unsupported_type',
  TooManyRequests = 'too_many_requests',
  Unavailable = 'unavailable',
}

export interface ErrorDetail {
  field?: string;
  message: string;
}

/**
 * Base of every context's exception. Contexts subclass it with their own code enum,
 * so the filter never needs to know about tickets, citizens or users.
 */
export class DomainException extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly details?: ErrorDetail[],
    /** When to try again (429, 503), sent as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
