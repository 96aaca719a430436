import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlinePoliciesController } from './deadline-policies.controller';
import { DeadlinePoliciesService } from './deadline-policies.service';
import { DeadlinePolicy } from './deadline-policy.entity';

@Module({
  imports: [TypeOrmModule.forFeature([DeadlinePolicy])],
  controllers: [DeadlinePoliciesController],
  providers: [DeadlinePoliciesService],
  exports: [DeadlinePoliciesService],
})
export class SlaModule {}
