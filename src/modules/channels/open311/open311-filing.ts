import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { isEmail } from 'class-validator';
import { InvalidFieldException, ResourceNotFoundException, UUID_TEXT } from '@app/common';
import { normalizePhone } from '@app/domain';
import { CategoriesService, Category, checkFieldValues } from '../../categories';
import { InboundChannel, IntakeService } from '../../intake';
import { Mahalle, NeighbourhoodsService } from '../../neighbourhoods';
import { Open311Keys } from './open311-keys.service';
import { Open311Reads, RequestIdentity } from './open311-reads';

type Form = Record<string, unknown>;

const NUMBER = /^-?\d{1,3}(?:\.\d{1,12})?$/;
// Türkiye with a margin, as on the web form.
const LATITUDE = { min: 35, max: 43 };
const LONGITUDE = { min: 25, max: 45 };
export const MEDIA_URL_MAX = 2000;
const DESCRIPTION_MAX = 4000;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,100}$/;

/**
 * POST requests: every field checked before anything is written (a refused request leaves no
 * trace), then the request goes to intake as an `open311` event, which files it as the web
 * form's are — receipt, routing, deadline, notices. A retry (the same Idempotency-Key, or the
 * same fields from the same client) finds the first event and answers as it did.
 */
@Injectable()
export class Open311Filing {
  constructor(
    private readonly keys: Open311Keys,
    private readonly intake: IntakeService,
    private readonly categories: CategoriesService,
    private readonly mahalleler: NeighbourhoodsService,
    private readonly reads: Open311Reads,
  ) {}

  async file(form: Form, headerKey: string | undefined): Promise<RequestIdentity> {
    const client = await this.keys.verify(form.api_key);
    const category = await this.service(one(form, 'service_code'));
    const attributes = checkFieldValues(category.fields, attributesOf(form), (code) => `attribute[${code}]`);
    const location = await this.location(form);
    const contact = contactOf(form);
    const description = one(form, 'description');
    if (description && description.length > DESCRIPTION_MAX) {
      throw new InvalidFieldException('description', `description: en fazla ${DESCRIPTION_MAX} karakter olabilir`);
    }
    const mediaUrl = mediaUrlOf(one(form, 'media_url'));
    if (headerKey !== undefined && !IDEMPOTENCY_KEY.test(headerKey)) {
      throw new InvalidFieldException('Idempotency-Key', 'Idempotency-Key: 16-100 harf, rakam, - veya _ olmalı');
    }
    const payload = {
      categoryId: category.id,
      attributes,
      text: description || category.name,
      subject: category.name,
      ...location,
      ...contact,
      mediaUrl,
      kvkkConsent: true,
      clientId: client.id,
    };
    const providerId = `${client.id}:${headerKey ?? createHash('sha256').update(JSON.stringify(payload)).digest('hex')}`;
    const earlier = await this.intake.find(InboundChannel.Open311, providerId);
    if (earlier) return this.reads.token(earlier);
    const { eventId } = await this.intake.receive(InboundChannel.Open311, providerId, payload);
    return this.reads.token(eventId);
  }

  private async service(code: string | null): Promise<Category> {
    if (!code) throw new InvalidFieldException('service_code', 'service_code: hizmet kodu gerekli');
    const found = (await this.categories.listActive()).find((c) => c.serviceCode === code);
    // The specification answers an unknown service_code with 404, a missing one with 400.
    if (!found) throw new ResourceNotFoundException(`service_code: ${code.slice(0, 40)} kodlu hizmet`);
    return found;
  }

  /** Coordinates, an address or a mahalle (address_id): at least one. */
  private async location(form: Form) {
    const lat = one(form, 'lat');
    const long = one(form, 'long');
    const address = one(form, 'address_string');
    const addressId = one(form, 'address_id');
    if ((lat === null) !== (long === null))
      throw new InvalidFieldException(lat === null ? 'lat' : 'long', `${lat === null ? 'lat' : 'long'}: enlem ve boylam birlikte verilmeli`);
    if (lat === null && !address && !addressId) {
      throw new InvalidFieldException('lat', 'lat: konum gerekli; lat ve long, address_string veya address_id verin');
    }
    const point = lat !== null ? { latitude: coordinate('lat', lat, LATITUDE), longitude: coordinate('long', long!, LONGITUDE) } : {};
    if (address && address.length > 500) throw new InvalidFieldException('address_string', 'address_string: en fazla 500 karakter olabilir');
    const mahalle = addressId ? await this.mahalle(addressId) : null;
    return { ...point, address: address ?? null, mahalleId: mahalle?.id ?? null };
  }

  private async mahalle(addressId: string): Promise<Mahalle> {
    if (UUID_TEXT.test(addressId)) return this.mahalleler.requireActive(addressId, 'address_id');
    const found = (await this.mahalleler.list()).find((m) => m.active && m.code === addressId);
    if (!found) throw new InvalidFieldException('address_id', 'address_id: böyle bir mahalle yok');
    return found;
  }
}

/** A field sent once; a repeated one is refused (only multi-value attributes repeat). */
function one(form: Form, name: string): string | null {
  const value = form[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new InvalidFieldException(name, `${name}: tek bir metin değeri olmalı`);
  return value.trim() || null;
}

/** `attribute[code]` (and `attribute[code][]` for lists), as form-encoded clients send them. */
function attributesOf(form: Form): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(form)) {
    const match = /^attribute\[([^\]]*)\](\[\])?$/.exec(key);
    if (match) attributes[match[1]] = value;
  }
  return attributes;
}

function coordinate(name: string, text: string, range: { min: number; max: number }): number {
  const value = Number(text);
  if (!NUMBER.test(text) || value < range.min || value > range.max) {
    throw new InvalidFieldException(name, `${name}: Türkiye sınırları içinde bir ondalık sayı olmalı`);
  }
  return value;
}

function contactOf(form: Form) {
  const first = one(form, 'first_name');
  const last = one(form, 'last_name');
  for (const [name, value] of [
    ['first_name', first],
    ['last_name', last],
  ] as const) {
    if (value && value.length > 80) throw new InvalidFieldException(name, `${name}: en fazla 80 karakter olabilir`);
  }
  const email = one(form, 'email')?.toLowerCase() ?? null;
  if (email && (!isEmail(email) || email.length > 200)) throw new InvalidFieldException('email', 'email: geçerli bir e-posta adresi değil');
  const rawPhone = one(form, 'phone');
  const phone = rawPhone ? normalizePhone(rawPhone) : null;
  if (rawPhone && !phone) throw new InvalidFieldException('phone', 'phone: geçerli bir telefon numarası değil');
  if (!email && !phone) throw new InvalidFieldException('email', 'email: yanıt verebilmemiz için e-posta veya telefon gerekli');
  const fullName = [first, last].filter(Boolean).join(' ') || null;
  return { fullName, email, phone };
}

function mediaUrlOf(url: string | null): string | null {
  if (!url) return null;
  if (url.length > MEDIA_URL_MAX) throw new InvalidFieldException('media_url', `media_url: en fazla ${MEDIA_URL_MAX} karakter olabilir`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidFieldException('media_url', 'media_url: geçerli bir http(s) adresi değil');
  }
  if (!['http:', 'https:'].includes(parsed.protocol)) throw new InvalidFieldException('media_url', 'media_url: geçerli bir http(s) adresi değil');
  return url;
}
