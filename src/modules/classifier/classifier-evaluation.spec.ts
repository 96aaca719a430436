import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Categoriser } from '../intake/categoriser/categoriser';
import { Corpus, priorsOf, readCorpus } from './corpus/corpus-file';
import { evaluateHeldOut } from './model/evaluate';
import { LinearModel } from './model/linear-model';
import { TextScorer } from './model/text-scorer';
import { describeFigures, Routed, RoutingFigures, routingFigures } from './model/routing-figures';
import { foldsOf, trainClassifier, TrainedClassifier } from './model/train-classifier';
import { routesOf } from './routing/decide';
import { decideText } from './routing/decide-text';
import { featuresOf } from './text/features';

interface DataFile {
  categories: { serviceCode: string; name: string; keywords: string[]; department: string | null; referTo: string | null }[];
  mahalleler: { code: string; name: string }[];
}

const root = join(__dirname, '../../..');
const data: DataFile = JSON.parse(readFileSync(join(root, 'data/municipality.json'), 'utf8'));
const destinations = new Map(data.categories.map((c) => [c.serviceCode, c.department ?? `institution:${c.referTo}`]));
const destinationOf = (label: string) => destinations.get(label);
const corpus: Corpus = readCorpus(join(root, 'data/classifier-corpus.json'));
const priors = priorsOf(data.categories);
// Trained once on the training part and shared by the tests that read it (each training is
// six fits of the model; the spec is the slowest of the suite).
let onTrainingPart: Promise<TrainedClassifier> | undefined;
const trainedOnTrainingPart = () => (onTrainingPart ??= trainClassifier(corpus.training, priors, destinations, { pause: timedPause }));

// The most CPU time the training above spent between two of its pauses, as the service trains
// (classifier-training.service.ts): CPU, not wall time, so that the machine's other work does not count.
let longestStretchMs = 0;
let resumedAt: NodeJS.CpuUsage | undefined;
const timedPause = () => {
  if (resumedAt) {
    const { user, system } = process.cpuUsage(resumedAt);
    longestStretchMs = Math.max(longestStretchMs, (user + system) / 1000);
  }
  return new Promise<void>((done) =>
    setImmediate(() => {
      resumedAt = process.cpuUsage();
      done();
    }),
  );
};

// The targets: at least 90 % straight to the right place, at most 10 % to triage, at
// most 2 % confidently to the wrong place (README, "How categorising works", for the figures).
const MIN_AUTO_CORRECT = 0.9;
const MAX_TRIAGE = 0.1;
const MAX_CONFIDENTLY_WRONG = 0.02;

function expectHeld(figures: RoutingFigures): void {
  expect(figures.autoCorrect).toBeGreaterThanOrEqual(MIN_AUTO_CORRECT);
  expect(figures.triage).toBeLessThanOrEqual(MAX_TRIAGE);
  expect(figures.confidentlyWrong).toBeLessThanOrEqual(MAX_CONFIDENTLY_WRONG);
}

describe('the classifier on the labelled corpus', () => {
  it('has at least 40 messages for every category, and a held-out part that the rule fixes', () => {
    const all = [...corpus.training, ...corpus.heldOut];
    for (const { serviceCode } of data.categories) expect(all.filter((e) => e.label === serviceCode).length).toBeGreaterThanOrEqual(40);
    expect(corpus.heldOut.length / all.length).toBeGreaterThan(0.15);
    expect(corpus.heldOut.length / all.length).toBeLessThan(0.25);
  });

  it('routes the held-out messages (never trained or tuned on) and the k-fold predictions on the training part', async () => {
    const trained = await trainedOnTrainingPart();
    const heldOut = await evaluateHeldOut(trained, corpus.heldOut, destinations);
    const keywords = keywordFigures(corpus.heldOut);
    console.log(
      `classifier (logistic regression, threshold ${trained.threshold.toFixed(3)}, temperature ${trained.model.temperature.toFixed(3)}, ${trained.model.features.length} features)\n` +
        `  held out:         ${describeFigures(heldOut)}\n` +
        `  5-fold, training: ${describeFigures(trained.outOfFold)}\n` +
        `  keyword categoriser it replaces, held out: ${describeFigures(keywords)}`,
    );
    expectHeld(heldOut);
    // Messages with nothing to route ("alo", "başvurum ne oldu") are scored, and the threshold
    // counts routing one as routing wrongly; at a 2 % cap a few of them pass it (14 of the 16 held
    // out went to triage, 2026-12-06). Empty text, emojis and another language never reach the
    // threshold (text-scorer.spec.ts).
    expect(heldOut.noSubjectTriaged).toBeGreaterThanOrEqual(0.85);
    // Against the keywords: more routed right, and a tenth of the wrong ones.
    expect(heldOut.autoCorrect).toBeGreaterThan(keywords.autoCorrect);
    expect(heldOut.confidentlyWrong).toBeLessThan(keywords.confidentlyWrong / 4);
  }, 900_000);

  it('routes every message of the whole corpus in 5-fold cross-validation, each fold choosing its own threshold without the messages it is scored on', async () => {
    const all = [...corpus.training, ...corpus.heldOut];
    const folds = foldsOf(all, 5);
    const routed: Routed[] = [];
    for (let k = 0; k < 5; k += 1) {
      const trained = await trainClassifier(
        all.filter((_, n) => folds[n] !== k),
        priors,
        destinations,
      );
      const model = new TextScorer(new LinearModel(trained.model));
      all.forEach((e, n) => {
        if (folds[n] === k)
          routed.push({ truth: e.label, decision: decideText(model, e.text, routesOf(model.model.labels, destinationOf), trained.threshold) });
      });
    }
    const figures = routingFigures(routed, destinationOf);
    console.log(`classifier, 5-fold over the whole corpus (${all.length} messages): ${describeFigures(figures)}`);
    expectHeld(figures);
  }, 3_600_000);

  it('lets the process it shares breathe: never more than a second of work between two pauses', async () => {
    await trainedOnTrainingPart();
    console.log(`longest stretch of training between two pauses: ${longestStretchMs.toFixed(0)} ms of CPU`);
    // 2026-12-07: 161–205 ms under Jest; before the calibration paused, 27.6 s in one stretch, and a login at boot timed out on Redis.
    expect(longestStretchMs).toBeGreaterThan(0);
    expect(longestStretchMs).toBeLessThan(1000);
  }, 900_000);

  it('beats naive Bayes, the other model tried, at the same cap on confidently wrong routing', async () => {
    const [logistic, bayes] = await Promise.all([trainedOnTrainingPart(), trainClassifier(corpus.training, priors, destinations, { algorithm: 'bayes' })]);
    console.log(
      `5-fold on the training part:\n  logistic regression: ${describeFigures(logistic.outOfFold)}\n  naive Bayes:         ${describeFigures(bayes.outOfFold)}`,
    );
    expect(logistic.outOfFold.autoCorrect).toBeGreaterThan(bayes.outOfFold.autoCorrect);
  }, 900_000);

  it('classifies a message in well under 100 µs (printed, not asserted: the machine is shared)', async () => {
    const trained = await trainedOnTrainingPart();
    const model = new TextScorer(new LinearModel(trained.model));
    const texts = [...corpus.heldOut, ...corpus.training].map((e) => e.text);
    const routes = routesOf(model.model.labels, destinationOf);
    for (const text of texts) decideText(model, text, routes, trained.threshold);
    // Each message is timed nine times and its median kept (the shared machine preempts some
    // runs); then the percentiles over the messages, as `npm run bench:classifier` reports them.
    const keywords = keywordCategoriser();
    const timed = (classify: (text: string) => unknown) => {
      const runs = texts.map(() => [] as number[]);
      for (let round = 0; round < 9; round += 1) {
        texts.forEach((text, n) => {
          const start = process.hrtime.bigint();
          classify(text);
          runs[n].push(Number(process.hrtime.bigint() - start) / 1000);
        });
      }
      const medians = runs.map((times) => times.sort((a, b) => a - b)[4]).sort((a, b) => a - b);
      const at = (q: number) => medians[Math.min(medians.length - 1, Math.floor(q * medians.length))].toFixed(1);
      return `p50 ${at(0.5)} µs, p99 ${at(0.99)} µs, max ${at(1)} µs`;
    };
    for (const text of texts) keywords.suggest(text);
    const classifier = timed((text) => decideText(model, text, routes, trained.threshold));
    const before = timed((text) => keywords.suggest(text));
    const long = 'Merhaba, '.concat('sokağımızda çöpler toplanmıyor ve koku var. '.repeat(1200));
    const start = process.hrtime.bigint();
    decideText(model, long, routes, trained.threshold);
    const longMicros = Number(process.hrtime.bigint() - start) / 1000;
    console.log(
      `classifying one message (features, scores, decision), each of ${texts.length} the median of 9 runs: ${classifier}; a ${long.length}-character message ${longMicros.toFixed(1)} µs\n` +
        `the keyword categoriser (still run by intake for the mahalle): ${before}`,
    );
    expect(featuresOf(long).length).toBeLessThan(3000);
  }, 300_000);
});

function keywordCategoriser(): Categoriser {
  return new Categoriser(
    data.categories.map((c) => ({ id: c.serviceCode, name: c.name, keywords: c.keywords })),
    data.mahalleler.map((m) => ({ id: m.code, name: m.name })),
  );
}

/** The keyword categoriser intake used before, on the same messages, for comparison. */
function keywordFigures(examples: { text: string; label: string }[]): RoutingFigures {
  const categoriser = keywordCategoriser();
  return routingFigures(
    examples.map((e) => {
      const s = categoriser.suggest(e.text);
      return { truth: e.label, decision: { label: s.categoryId, confidence: s.categoryScore, confident: s.confident, top: [] } };
    }),
    destinationOf,
  );
}
