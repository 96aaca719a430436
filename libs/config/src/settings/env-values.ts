/** The development defaults of the secrets: production refuses to start with any of them. */
export const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789';
export const DEV_PII_SECRET = 'dev-only-pii-secret-change-me-0123456789';
export const DEV_INTAKE_KEY = 'dev-only-intake-key-change-me';

/** "true"/"1" and "false"/"0" as environment variables spell them; anything else is left for the validator to refuse. */
export const toBool = ({ value }: { value: unknown }) =>
  value === undefined
    ? undefined
    : value === true || value === 'true' || value === '1'
      ? true
      : value === false || value === 'false' || value === '0'
        ? false
        : value;
