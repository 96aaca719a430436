import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InvalidFieldException, ResourceNotFoundException } from '@app/common';
import { ClassifierModel, ModelState } from './classifier-model.entity';
import { ClassifierTraining } from './classifier-training.service';

/** A version as admins see it: how it was trained, how it did, and how staff took its suggestions. */
export interface ModelVersionView extends Omit<ClassifierModel, 'model'> {
  /** Tickets whose category it suggested at intake. */
  suggestions: number;
  /** Of those, the tickets whose category staff then set to another (or returned). */
  changedByStaff: number;
  changedShare: number | null;
}

const SHOWN = 20;

@Injectable()
export class ClassifierVersions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly training: ClassifierTraining,
  ) {}

  /** The latest versions, newest first. */
  async list(): Promise<ModelVersionView[]> {
    const models = await this.dataSource.getRepository(ClassifierModel).find({ order: { version: 'DESC' }, take: SHOWN });
    if (!models.length) return [];
    const versions = models.map((m) => m.version);
    // Intake writes the suggesting version into each new ticket's first timeline entry; reading
    // them since the oldest version shown costs one pass over those entries, on this admin page only.
    const since = models.at(-1)!.createdAt;
    const suggested: { version: number; n: number }[] = await this.dataSource.query(
      `SELECT (data->'suggestion'->>'modelVersion')::int AS version, count(*)::int AS n FROM ticket_events
        WHERE type = 'created' AND created_at >= $1 AND data->'suggestion'->>'modelVersion' = ANY($2::text[]) GROUP BY 1`,
      [since, versions.map(String)],
    );
    const changed: { version: number; n: number }[] = await this.dataSource.query(
      `SELECT model_version AS version, count(*)::int AS n FROM classifier_examples
        WHERE model_version = ANY($1::int[]) AND category_id IS DISTINCT FROM suggested_category_id GROUP BY 1`,
      [versions],
    );
    const count = (rows: { version: number; n: number }[], version: number) => rows.find((r) => r.version === version)?.n ?? 0;
    return models.map((m) => {
      const suggestions = count(suggested, m.version);
      const changedByStaff = count(changed, m.version);
      return { ...m, suggestions, changedByStaff, changedShare: suggestions ? changedByStaff / suggestions : null };
    });
  }

  /** Makes a trained version the active one: a rollback, or a version the automatic check held back. */
  async activate(id: string): Promise<ModelVersionView> {
    const model = await this.dataSource.getRepository(ClassifierModel).findOneBy({ id });
    if (!model) throw new ResourceNotFoundException('Model sürümü');
    if (model.state !== ModelState.Ready) throw new InvalidFieldException('id', 'id: yalnızca eğitimi tamamlanmış bir sürüm etkinleştirilebilir');
    await this.training.activate(id);
    return (await this.list()).find((m) => m.id === id) ?? { ...model, active: true, suggestions: 0, changedByStaff: 0, changedShare: null };
  }
}
