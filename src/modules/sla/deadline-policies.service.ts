import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { InvalidFieldException } from '@app/common';
import { DeadlinePolicy } from './deadline-policy.entity';

@Injectable()
export class DeadlinePoliciesService {
  constructor(@InjectRepository(DeadlinePolicy) private readonly policies: Repository<DeadlinePolicy>) {}

  list(): Promise<DeadlinePolicy[]> {
    return this.policies.find({ order: { code: 'ASC' } });
  }

  async require(id: string, field: string): Promise<DeadlinePolicy> {
    const policy = await this.policies.findOneBy({ id });
    if (!policy) throw new InvalidFieldException(field, `${field}: böyle bir süre politikası yok`);
    return policy;
  }
}
