import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorDetail } from '../errors/domain.exception';
import { ValidationFailedException } from '../errors/common-errors';
import { findUnusableInput } from './input-sanity';
import { turkishMessages } from '../validation/turkish-messages';

/**
 * Flattens nested class-validator errors into details naming the field's path (`citizen.phone`),
 * each message in Turkish with the field's label (`turkishMessages`).
 */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = turkishMessages(error).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * ValidationPipe that also drops the fields a request left out. DTO classes compile to class
 * fields initialised to `undefined`, and `Object.assign(entity, dto)` on a PATCH would
 * otherwise blank every property the client did not send.
 */
class SentFieldsValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Checked before class-transformer recurses into it: what PostgreSQL cannot store is a 400
    // naming the field, not a 500. A provider's untyped payload is only held to the depth: its
    // text is the intake's to judge, which keeps what it cannot store as a failed event.
    if (metadata.type === 'query') value = withoutEmptyValues(value);
    const untyped = metadata.metatype === Object;
    const unusable = metadata.type === 'custom' ? null : findUnusableInput(value, metadata.data ?? '', { text: !untyped });
    if (unusable) throw new ValidationFailedException([unusable]);
    const result: unknown = await super.transform(value, metadata);
    if (result && typeof result === 'object' && !Array.isArray(result)) {
      for (const [key, field] of Object.entries(result)) if (field === undefined) delete (result as Record<string, unknown>)[key];
    }
    return result;
  }
}

/**
 * A query's empty values are filters left blank: a form's empty select sends `?status=`, which
 * means "any status", as leaving the parameter out does (a required one is still reported missing).
 */
function withoutEmptyValues(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== ''));
}

/** The single validation used at every HTTP entry (rule 7 of the house). */
export function createValidationPipe(): ValidationPipe {
  return new SentFieldsValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The object an error was found in, so its rules' limits can be read for the Turkish message; never sent.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new ValidationFailedException(flattenValidationErrors(errors)),
  });
}
