import { Module } from '@nestjs/common';
import { AuthModule } from '../auth';
import { FailedJobsController } from './failed-jobs.controller';
import { QueueBoard, QueueBoardController } from './queue-board';

@Module({
  imports: [AuthModule],
  controllers: [FailedJobsController, QueueBoardController],
  providers: [QueueBoard],
})
export class OpsModule {}
