import { foldTurkish } from '@app/common';
import { normalizePhone } from '@app/domain';

/**
 * Turn what a form sends (multipart fields are all strings, an empty input is "") into what
 * the DTO validates. A value that cannot be converted is passed on unchanged, so that the
 * validator refuses it and names the field.
 */
type Raw = { value: unknown };

const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

export const optionalText = ({ value }: Raw): unknown => (blank(value) ? undefined : typeof value === 'string' ? value.trim() : value);

export const optionalNumber = ({ value }: Raw): unknown => {
  if (blank(value)) return undefined;
  return typeof value === 'string' ? Number(value.replace(',', '.')) : value;
};

/** A checkbox: "on" (the browser's default value), "true", "1" or true mean ticked. */
export const checkbox = ({ value }: Raw): unknown => {
  if (value === true || value === 'true' || value === 'on' || value === '1') return true;
  if (blank(value) || value === false || value === 'false' || value === '0') return false;
  return value;
};

/** "Şikâyet", "sikayet" and "Bilgi edinme" name the kinds `sikayet` and `bilgi_edinme`. */
export const ticketKind = ({ value }: Raw): unknown => (typeof value === 'string' ? foldTurkish(value).replace(/[\s-]+/g, '_') : value);

/** E.164 when the number is valid; otherwise the text as typed, which the E.164 check then refuses. */
export const phoneNumber = ({ value }: Raw): unknown => {
  if (blank(value)) return undefined;
  return typeof value === 'string' ? (normalizePhone(value) ?? value.trim()) : value;
};

export const lowerCaseEmail = ({ value }: Raw): unknown => (blank(value) ? undefined : typeof value === 'string' ? value.trim().toLowerCase() : value);
