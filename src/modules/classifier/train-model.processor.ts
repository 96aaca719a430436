import { Injectable } from '@nestjs/common';
import { JobHandler, ModelJob, QueueName } from '@app/queue';
import { ClassifierTraining } from './classifier-training.service';

@Injectable()
export class TrainModelProcessor {
  constructor(private readonly training: ClassifierTraining) {}

  /** Trains the version the job names; a stale job (already trained or failed) does nothing. */
  @JobHandler(QueueName.Classifier, 'train-model')
  handle({ modelId }: ModelJob): Promise<void> {
    return this.training.train(modelId);
  }
}
