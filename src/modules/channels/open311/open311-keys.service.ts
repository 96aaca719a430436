import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { Clock, ResourceNotFoundException } from '@app/common';
import { StaffPrincipal } from '@app/domain';
import { CreateOpen311ClientDto } from './dto/open311-client.dto';
import { Open311Client } from './open311-client.entity';
import { Open311ErrorCode, Open311Exception } from './open311-errors';

const KEY_PREFIX = 'o311_';
const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');

/** Admins issue and revoke the client applications' keys; a key is shown once, when issued. */
@Injectable()
export class Open311Keys {
  constructor(
    @InjectRepository(Open311Client) private readonly clients: Repository<Open311Client>,
    private readonly clock: Clock,
  ) {}

  list(): Promise<Open311Client[]> {
    return this.clients.find({ order: { createdAt: 'DESC' } });
  }

  async issue(actor: StaffPrincipal, dto: CreateOpen311ClientDto): Promise<Open311Client & { apiKey: string }> {
    const apiKey = KEY_PREFIX + randomBytes(24).toString('base64url');
    const saved = await this.clients.save(
      this.clients.create({ name: dto.name.trim(), keyHash: hashOf(apiKey), keyPrefix: apiKey.slice(0, 12), createdById: actor.id }),
    );
    const { keyHash: _hash, ...shown } = saved;
    return { ...shown, apiKey } as Open311Client & { apiKey: string };
  }

  async revoke(id: string): Promise<void> {
    const client = await this.clients.findOneBy({ id });
    if (!client) throw new ResourceNotFoundException('Open311 istemcisi');
    if (!client.revokedAt) await this.clients.update({ id }, { revokedAt: this.clock.now() });
  }

  /** The client holding this key, or a 403 in Open311's terms (a missing, unknown or revoked key alike). */
  async verify(apiKey: unknown): Promise<Open311Client> {
    if (typeof apiKey !== 'string' || !apiKey.startsWith(KEY_PREFIX) || apiKey.length > 100) {
      throw new Open311Exception(Open311ErrorCode.InvalidApiKey, 'api_key: geçerli bir API anahtarı gerekli');
    }
    const client = await this.clients.findOneBy({ keyHash: hashOf(apiKey), revokedAt: IsNull() });
    if (!client) throw new Open311Exception(Open311ErrorCode.InvalidApiKey, 'api_key: API anahtarı geçersiz veya iptal edilmiş');
    await this.clients.update({ id: client.id }, { lastUsedAt: this.clock.now() });
    return client;
  }
}
