import { Module } from '@nestjs/common';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule, type BullBoardModuleOptions } from '@bull-board/nestjs';
import { AuthModule, StaffTokens } from '../auth';
import { FailedJobsController } from './failed-jobs.controller';
import { BOARD_ROUTE, boardGate, QueueBoardController, QueueBoardQueues } from './queue-board';

@Module({
  imports: [
    // Bull Board for admins, at /api/v1/admin/queues, behind boardGate.
    BullBoardModule.forRootAsync({
      imports: [AuthModule],
      inject: [StaffTokens],
      useFactory: (tokens: StaffTokens): BullBoardModuleOptions => ({
        route: BOARD_ROUTE,
        // @bull-board/express carries its own copy of @bull-board/api's types (a patch version apart).
        adapter: ExpressAdapter as unknown as BullBoardModuleOptions['adapter'],
        middleware: boardGate(tokens),
      }),
    }),
  ],
  controllers: [FailedJobsController, QueueBoardController],
  providers: [QueueBoardQueues],
})
export class OpsModule {}
