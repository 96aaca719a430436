import { Param, ParseUUIDPipe } from '@nestjs/common';
import { InvalidFieldException } from '../errors/common-errors';

/** A UUID path parameter; anything else is a 400 naming the parameter. */
export const IdParam = (name = 'id') =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => new InvalidFieldException(name, `${name}: geçerli bir UUID değil`) }));
