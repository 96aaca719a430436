import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Queue } from 'bullmq';
import { IsEnum, IsOptional } from 'class-validator';
import { InvalidFieldException, PageQueryDto, ResourceNotFoundException } from '@app/common';
import { jobQueueToken, JobQueue, QueueName } from '@app/queue';
import { Role, Roles } from '@app/domain';

export class FailedJobsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsEnum(QueueName)
  queue?: QueueName;
}

/** Jobs that used up their retries, with their error, and a way to run them again. */
@ApiTags('ops')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('admin/jobs')
export class FailedJobsController {
  constructor(private readonly moduleRef: ModuleRef) {}

  @Get('failed')
  async failed(@Query() query: FailedJobsQueryDto) {
    const queues = query.queue ? [query.queue] : Object.values(QueueName);
    const start = (query.page - 1) * query.pageSize;
    const perQueue = await Promise.all(
      queues.map(async (name) => {
        const queue = this.queue(name);
        const [jobs, count] = await Promise.all([queue.getFailed(0, start + query.pageSize - 1), queue.getFailedCount()]);
        return {
          jobs: jobs.map((job) => ({
            queue: name,
            id: job.id,
            name: job.name,
            data: job.data,
            failedReason: job.failedReason,
            attemptsMade: job.attemptsMade,
            failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
          })),
          count,
        };
      }),
    );
    const items = perQueue
      .flatMap((q) => q.jobs)
      .sort((a, b) => (b.failedAt?.getTime() ?? 0) - (a.failedAt?.getTime() ?? 0))
      .slice(start, start + query.pageSize);
    return { items, total: perQueue.reduce((sum, q) => sum + q.count, 0), page: query.page, pageSize: query.pageSize };
  }

  @Post(':queue/:id/retry')
  @HttpCode(202)
  async retry(@Param('queue') name: string, @Param('id') id: string) {
    if (!Object.values(QueueName).includes(name as QueueName)) {
      throw new InvalidFieldException('queue', `queue: ${Object.values(QueueName).join(', ')} olmalı`);
    }
    const job = await this.queue(name as QueueName).getJob(id);
    if (!job || !(await job.isFailed())) throw new ResourceNotFoundException('Başarısız iş');
    await job.retry('failed');
    return { queue: name, id, state: await job.getState() };
  }

  private queue(name: QueueName): Queue {
    return this.moduleRef.get<JobQueue<QueueName>>(jobQueueToken(name), { strict: false }).raw;
  }
}
