import { TextScorer } from '../model/text-scorer';
import { routesOf, Routes } from './decide';
import { decideText, TriageReason } from './decide-text';

/** A category as the suggester needs it: where it goes. */
export interface RoutableCategory {
  id: string;
  serviceCode: string;
  name: string;
  defaultDepartmentId: string | null;
  referToInstitutionId: string | null;
}

export interface ModelSuggestion {
  categoryId: string | null;
  confidence: number;
  confident: boolean;
  top: { categoryId: string; name: string; probability: number }[];
  modelVersion: number;
  /** Why it went to triage, when it did: nothing to read, nothing the model knows, no subject, or not sure. */
  triage: TriageReason | null;
}

/** A category's destination: its department, or the institution it is referred to. */
export function destinationOf(category: RoutableCategory): string | undefined {
  return category.defaultDepartmentId ?? (category.referToInstitutionId ? `institution:${category.referToInstitutionId}` : undefined);
}

/**
 * The model with the municipality's active categories: labels (service codes) become category
 * ids, categories the model has not learnt yet take no mass, inactive ones none either. Built
 * once per model version and category set; `suggest` is pure and cheap.
 */
export class Suggester {
  private readonly byCode: Map<string, RoutableCategory>;
  private readonly routes: Routes;

  constructor(
    private readonly scorer: TextScorer,
    private readonly threshold: number,
    readonly version: number,
    categories: RoutableCategory[],
  ) {
    this.byCode = new Map(categories.map((c) => [c.serviceCode, c]));
    this.routes = routesOf(scorer.model.labels, (label) => this.destination(label));
  }

  suggest(text: string): ModelSuggestion {
    const decision = decideText(this.scorer, text, this.routes, this.threshold);
    const category = decision.label ? this.byCode.get(decision.label) : undefined;
    return {
      categoryId: category?.id ?? null,
      confidence: round(decision.confidence),
      confident: decision.confident && !!category,
      top: decision.top.map((t) => ({ categoryId: this.byCode.get(t.label)!.id, name: this.byCode.get(t.label)!.name, probability: round(t.probability) })),
      modelVersion: this.version,
      triage: decision.triage,
    };
  }

  private destination(label: string): string | undefined {
    const category = this.byCode.get(label);
    return category ? destinationOf(category) : undefined;
  }
}

const round = (p: number) => Math.round(p * 1000) / 1000;
