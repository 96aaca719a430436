import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ExpiringValue, InvalidFieldException } from '@app/common';
import { DeadlinePolicy } from './deadline-policy.entity';

@Injectable()
export class DeadlinePoliciesService {
  private readonly all = new ExpiringValue<DeadlinePolicy[]>(30_000);

  constructor(@InjectRepository(DeadlinePolicy) private readonly policies: Repository<DeadlinePolicy>) {}

  /** Every policy, ordered by code, read through `manager` when the copy kept here is stale. */
  cached(manager: EntityManager): Promise<DeadlinePolicy[]> {
    return this.all.get(() => manager.find(DeadlinePolicy, { order: { code: 'ASC' } }));
  }

  list(): Promise<DeadlinePolicy[]> {
    return this.policies.find({ order: { code: 'ASC' } });
  }

  async require(id: string, field: string): Promise<DeadlinePolicy> {
    const policy = await this.policies.findOneBy({ id });
    if (!policy) throw new InvalidFieldException(field, `${field}: böyle bir süre politikası yok`);
    return policy;
  }
}
