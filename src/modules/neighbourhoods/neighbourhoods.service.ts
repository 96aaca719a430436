import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { DomainException, ErrorKind, ExpiringValue, InvalidFieldException, ResourceNotFoundException, turkishCollator } from '@app/common';
import { CreateMahalleDto, UpdateMahalleDto } from './dto/mahalle.dto';
import { Mahalle } from './mahalle.entity';

export const MAHALLE_CODE_TAKEN = 'MAHALLE_CODE_TAKEN';

@Injectable()
export class NeighbourhoodsService {
  private readonly active = new ExpiringValue<Set<string>>(30_000);

  constructor(@InjectRepository(Mahalle) private readonly mahalleler: Repository<Mahalle>) {}

  /** The ids of the active mahalleler, read through `manager` when the copy here is stale (intake checks every hint). */
  cachedActiveIds(manager: EntityManager): Promise<Set<string>> {
    return this.active.get(async () => new Set((await manager.findBy(Mahalle, { active: true })).map((m) => m.id)));
  }

  listActive(): Promise<Mahalle[]> {
    return this.mahalleler.findBy({ active: true });
  }

  async list(): Promise<Mahalle[]> {
    return (await this.mahalleler.find()).sort((a, b) => turkishCollator.compare(a.name, b.name));
  }

  async get(id: string): Promise<Mahalle> {
    const mahalle = await this.mahalleler.findOneBy({ id });
    if (!mahalle) throw new ResourceNotFoundException('Mahalle');
    return mahalle;
  }

  async requireActive(id: string, field: string): Promise<Mahalle> {
    const mahalle = await this.mahalleler.findOneBy({ id, active: true });
    if (!mahalle) throw new InvalidFieldException(field, `${field}: böyle bir mahalle yok`);
    return mahalle;
  }

  async create(dto: CreateMahalleDto): Promise<Mahalle> {
    await this.assertCodeFree(dto.code);
    this.active.invalidate();
    return this.mahalleler.save(this.mahalleler.create(dto));
  }

  async update(id: string, dto: UpdateMahalleDto): Promise<Mahalle> {
    const mahalle = await this.get(id);
    if (dto.code && dto.code !== mahalle.code) await this.assertCodeFree(dto.code);
    this.active.invalidate();
    return this.mahalleler.save(Object.assign(mahalle, dto));
  }

  private async assertCodeFree(code: string): Promise<void> {
    if (await this.mahalleler.existsBy({ code })) {
      throw new DomainException(MAHALLE_CODE_TAKEN, ErrorKind.Conflict, `${code} kodu kullanımda`);
    }
  }
}
