import { Column, CreateDateColumn, Entity, Generated, Index } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';

export enum ModelState {
  Training = 'training',
  Ready = 'ready',
  Failed = 'failed',
}

/** One trained version of the classifier, with how it did; at most one is active, at most one training. */
@Entity('classifier_models')
@Index('uq_classifier_models_active', ['active'], { unique: true, where: 'active' })
@Index('uq_classifier_models_training', ['state'], { unique: true, where: `state = 'training'` })
export class ClassifierModel {
  @TimeOrderedPrimaryKey()
  id: string;

  @Column({ type: 'int', unique: true })
  @Generated('increment')
  version: number;

  @Column({ type: 'enum', enum: ModelState, enumName: 'classifier_model_state', default: ModelState.Training })
  state: ModelState;

  @Column({ type: 'boolean', default: false })
  active: boolean;

  /** initial | schedule | examples | admin */
  @Column({ type: 'varchar', length: 20 })
  reason: string;

  /** The last staff example it learnt from (classifier_examples.seq); later ones count toward the next retrain. */
  @Column({ type: 'bigint', default: 0 })
  examplesSeq: string;

  @Column({ type: 'int', default: 0 })
  corpusExamples: number;

  @Column({ type: 'int', default: 0 })
  staffExamples: number;

  @Column({ type: 'real', nullable: true })
  threshold: number | null;

  /** Held-out and out-of-fold routing figures (see RoutingFigures). */
  @Column({ type: 'jsonb', nullable: true })
  evaluation: Record<string, unknown> | null;

  /** The model itself (model-codec.ts); not selected by default: it is large. */
  @Column({ type: 'bytea', nullable: true, select: false })
  model: Buffer | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'uuid', nullable: true })
  requestedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  trainedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  activatedAt: Date | null;
}
