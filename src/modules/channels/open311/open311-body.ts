import type { BodyRoute } from '@app/common';
import { Open311ErrorCode, Open311Exception } from './open311-errors';

/**
 * Open311 clients post forms (`attribute[code]` kept as flat keys, repeated keys as lists) or
 * XML (read as text and parsed without a DTD). A body that cannot be read reaches the handler as
 * the refusal it throws, so it is answered in the specification's error format, as XML when the
 * path asks for XML.
 */
export const open311Body: BodyRoute = {
  under: '/open311',
  form: true,
  text: ['text/xml', 'application/xml'],
  unreadable: ({ tooLarge, limit }) =>
    tooLarge
      ? new Open311Exception(Open311ErrorCode.BodyTooLarge, `body: istek gövdesi ${limit} sınırını aşıyor`)
      : new Open311Exception(Open311ErrorCode.UnreadableBody, 'body: istek gövdesi okunamadı'),
};
