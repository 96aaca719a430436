import { ArgumentMetadata, Type, ValidationError, ValidationPipe } from '@nestjs/common';
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
 * A DTO of a hot route (the intake) may offer a quick test of a plain body that accepts only
 * what its class-validator rules accept, built from class-validator's own checks. What it
 * accepts skips class-transformer and class-validator (most of a small request's CPU); anything
 * else takes the full path, which refuses it with the usual messages naming the field.
 */
export interface QuickAccepting {
  quickAccept(value: unknown): boolean;
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
    const result: unknown = this.quickAccepted(value, metadata) ?? (await super.transform(value, metadata));
    if (result && typeof result === 'object' && !Array.isArray(result)) {
      for (const [key, field] of Object.entries(result)) if (field === undefined) delete (result as Record<string, unknown>)[key];
    }
    return result;
  }

  private quickAccepted(value: unknown, metadata: ArgumentMetadata): object | null {
    const dto = metadata.metatype as (Type<object> & Partial<QuickAccepting>) | undefined;
    if (metadata.type === 'custom' || !dto?.quickAccept) return null;
    // As the full path does first: a JSON body's own `__proto__` keys go, at any depth.
    this.stripProtoKeys(value);
    return dto.quickAccept(value) ? Object.assign(new dto(), value) : null;
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
