import { resolve } from 'node:path';

/**
 * `npm run bench:classifier`: the cost of categorising one message, in plain Node on the built
 * service — the classifier (features, scores, decision) and the keyword categoriser it replaced —
 * over every corpus message. Prints the percentiles over the messages of each one's median time.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built service's code, found by path at run time
const built = (path: string) => require(resolve(__dirname, '../dist/src/modules', path));
const { readCorpus, priorsOf } = built('classifier/corpus/corpus-file.js');
const { trainClassifier } = built('classifier/model/train-classifier.js');
const { LinearModel } = built('classifier/model/linear-model.js');
const { TextScorer } = built('classifier/model/text-scorer.js');
const { routesOf } = built('classifier/routing/decide.js');
const { decideText } = built('classifier/routing/decide-text.js');
const { Categoriser } = built('intake/categoriser/categoriser.js');

interface Category {
  serviceCode: string;
  name: string;
  keywords: string[];
  department: string | null;
  referTo: string | null;
}

async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the municipality file as data, read where the bench runs
  const data = require(resolve(__dirname, '../data/municipality.json')) as { categories: Category[]; mahalleler: { code: string; name: string }[] };
  const corpus = readCorpus(resolve(__dirname, '../data/classifier-corpus.json'));
  const destinations = new Map(data.categories.map((c) => [c.serviceCode, c.department ?? `institution:${c.referTo}`]));
  const trained = await trainClassifier(corpus.training, priorsOf(data.categories), destinations);
  const scorer = new TextScorer(new LinearModel(trained.model));
  const routes = routesOf(scorer.model.labels, (label: string) => destinations.get(label));
  const keywords = new Categoriser(
    data.categories.map((c) => ({ id: c.serviceCode, name: c.name, keywords: c.keywords })),
    data.mahalleler.map((m) => ({ id: m.code, name: m.name })),
  );
  const texts: string[] = [...corpus.heldOut, ...corpus.training].map((e: { text: string }) => e.text);
  // Each message is timed nine times and its median kept: a run that the machine's other work
  // preempted says nothing of what the message costs. Then the percentiles over the messages.
  const measure = (name: string, classify: (text: string) => unknown) => {
    for (const text of texts) classify(text);
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
    console.log(`${name}: p50 ${at(0.5)} µs, p90 ${at(0.9)} µs, p99 ${at(0.99)} µs, max ${at(1)} µs`);
  };
  console.log(`${texts.length} messages, each the median of 9 runs`);
  measure('classifier', (text) => decideText(scorer, text, routes, trained.threshold));
  measure('keyword categoriser (before)', (text) => keywords.suggest(text));
  measure('mahalle by name (what intake still runs beside the classifier)', (text) => keywords.mahalleOf(text));
}

void main();
