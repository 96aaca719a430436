import { routesOf } from '../routing/decide';
import { decideText } from '../routing/decide-text';
import { LinearModel } from './linear-model';
import { TextScorer } from './text-scorer';
import { Routed, RoutingFigures, routingFigures } from './routing-figures';
import { TrainedClassifier } from './train-classifier';
import { BREATH, Example } from './training-set';

/** Routes examples the model never saw, at its threshold, as intake would. */
export async function evaluateHeldOut(
  trained: Pick<TrainedClassifier, 'model' | 'threshold'>,
  heldOut: Example[],
  destinations: Map<string, string>,
  pause?: () => Promise<void>,
): Promise<RoutingFigures> {
  const scorer = new TextScorer(new LinearModel(trained.model));
  const destinationOf = (label: string) => destinations.get(label);
  const routes = routesOf(scorer.model.labels, destinationOf);
  const routed: Routed[] = [];
  for (const e of heldOut) {
    if (routed.length % BREATH === BREATH - 1) await pause?.();
    routed.push({ truth: e.label, text: e.text, decision: decideText(scorer, e.text, routes, trained.threshold) });
  }
  return routingFigures(routed, destinationOf);
}
