import { Module } from '@nestjs/common';
import { FailedJobsController } from './failed-jobs.controller';

@Module({ controllers: [FailedJobsController] })
export class OpsModule {}
