import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock, DomainException, ErrorKind } from '@app/common';
import { InjectJobQueue, JobQueue, QueueName } from '@app/queue';
import { ClassifierModel, ModelState } from './classifier-model.entity';
import { ClassifierModels } from './classifier-models.service';
import { CategoriesService } from '../categories';
import { priorsOf, readCorpus } from './corpus/corpus-file';
import { encodeModel } from './model/model-codec';
import { RoutingFigures } from './model/routing-figures';
import { trainClassifier } from './model/train-classifier';
import { Example } from './model/training-set';
import { evaluateHeldOut } from './model/evaluate';
import { destinationOf, RoutableCategory } from './routing/suggester';

export const TRAINING_RUNNING = 'CLASSIFIER_TRAINING_RUNNING';

export const trainJobId = (modelId: string) => `train-${modelId}`;

/** Lets a long training share the process: intake jobs and lock renewals run between epochs. */
const breathe = () => new Promise<void>((done) => setImmediate(done));

/** Requests, runs and activates classifier trainings. */
/**
 * A staff decision counts twice a shipped corpus message: it is this municipality's own citizens
 * and its own call centre's reading of them, and 200 corrections must still tell against a
 * corpus of about 4,000 generic messages (test/classifier-learning.e2e.spec.ts).
 */
const STAFF_EXAMPLE_WEIGHT = 2;

@Injectable()
export class ClassifierTraining {
  private readonly logger = new Logger(ClassifierTraining.name);

  constructor(
    private readonly categories: CategoriesService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectJobQueue(QueueName.Classifier) private readonly queue: JobQueue<QueueName.Classifier>,
    private readonly models: ClassifierModels,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Records a training to run (one at a time) and hands it to a worker; null if one is running. */
  async request(reason: string, requestedById: string | null = null): Promise<ClassifierModel | null> {
    const rows: ClassifierModel[] = await this.dataSource.query(
      `INSERT INTO classifier_models (reason, requested_by_id) VALUES ($1, $2)
       ON CONFLICT (state) WHERE state = 'training' DO NOTHING RETURNING id, version, state, reason, created_at AS "createdAt"`,
      [reason, requestedById],
    );
    if (!rows[0]) return null;
    await this.enqueue(rows[0].id).catch((error: Error) => this.logger.warn({ msg: 'training enqueue failed; the sweeper will retry', error: error.message }));
    return rows[0];
  }

  /** For the admins: a training now, or 409 while one runs. */
  async requestByAdmin(actorId: string): Promise<ClassifierModel> {
    const row = await this.request('admin', actorId);
    if (!row) throw new DomainException(TRAINING_RUNNING, ErrorKind.Conflict, 'Bir eğitim zaten sürüyor; bitince yeniden deneyin');
    return row;
  }

  enqueue(modelId: string): Promise<unknown> {
    return this.queue.add('train-model', { modelId }, { jobId: trainJobId(modelId), attempts: 3 });
  }

  /**
   * Trains the version `modelId` stands for: the corpus's training part, the staff's decisions
   * up to now and the categories' keywords; scores it on the held-out part; activates it unless
   * it routes the held-out messages worse than the active one. A failure marks the version
   * failed and leaves the active one in place.
   */
  async train(modelId: string): Promise<void> {
    const row = await this.dataSource.getRepository(ClassifierModel).findOneBy({ id: modelId });
    if (!row || row.state !== ModelState.Training) return;
    try {
      const categories: (RoutableCategory & { keywords: string[] })[] = await this.categories.listActive();
      const destinations = new Map(categories.flatMap((c) => (destinationOf(c) ? [[c.serviceCode, destinationOf(c)!] as const] : [])));
      if (!destinations.size) throw new Error('no active category has a department or an institution yet');
      const corpus = readCorpus(resolve(this.config.CLASSIFIER_CORPUS_FILE));
      const staff: { seq: string; label: string; text: string }[] = await this.dataSource.query(
        `SELECT e.seq, c.service_code AS label, concat_ws(E'\\n', t.subject, t.description) AS text
           FROM classifier_examples e JOIN tickets t ON t.id = e.ticket_id JOIN categories c ON c.id = e.category_id
          WHERE c.active ORDER BY e.seq`,
      );
      const known = (e: Example) => destinations.has(e.label) || e.label === '-';
      const examples = [...corpus.training.filter(known), ...staff.map((s) => ({ text: s.text, label: s.label, weight: STAFF_EXAMPLE_WEIGHT }))];
      const trained = await trainClassifier(examples, priorsOf(categories), destinations, { pause: breathe });
      const heldOut = await evaluateHeldOut(trained, corpus.heldOut.filter(known), destinations, breathe);
      await this.dataSource.getRepository(ClassifierModel).update(modelId, {
        state: ModelState.Ready,
        model: encodeModel(trained.model),
        threshold: trained.threshold,
        // TypeORM's deep-partial type does not take a plain JSON object.
        evaluation: {
          heldOut,
          outOfFold: trained.outOfFold,
          temperature: trained.model.temperature,
          lengthExponent: trained.model.lengthExponent,
          features: trained.model.features.length,
        } as never,
        corpusExamples: examples.length - staff.length,
        staffExamples: staff.length,
        examplesSeq: staff.at(-1)?.seq ?? '0',
        trainedAt: this.clock.now(),
      });
      if (await this.betterThanActive(heldOut)) await this.activate(modelId);
      this.logger.log({ msg: 'classifier trained', version: row.version, heldOut });
    } catch (error) {
      this.logger.error({ msg: 'classifier training failed; the active version stays', version: row.version, error: (error as Error).message });
      await this.dataSource.getRepository(ClassifierModel).update(modelId, { state: ModelState.Failed, error: (error as Error).message.slice(0, 2000) });
    }
  }

  /** Makes a trained version the active one (also a rollback to an older one). */
  async activate(modelId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE classifier_models SET active = false WHERE active AND id <> $1`, [modelId]);
      await manager.query(`UPDATE classifier_models SET active = true, activated_at = $2 WHERE id = $1`, [modelId, this.clock.now()]);
    });
    this.models.invalidate();
  }

  /** A new version takes over unless it routes the held-out messages clearly worse (2 points) than the active one. */
  private async betterThanActive(heldOut: RoutingFigures): Promise<boolean> {
    const [active] = await this.dataSource.query(`SELECT evaluation FROM classifier_models WHERE active`);
    const current = active?.evaluation?.heldOut as RoutingFigures | undefined;
    if (!current) return true;
    return heldOut.autoCorrect >= current.autoCorrect - 0.02 && heldOut.confidentlyWrong <= current.confidentlyWrong + 0.02;
  }
}
