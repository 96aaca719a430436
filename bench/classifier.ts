import { resolve } from 'node:path';

/**
 * `npm run bench:classifier`: the cost of categorising one message, in plain Node on the built
 * service — the classifier (features, scores, decision) and the keyword categoriser it replaced —
 * over every corpus message, seven rounds, CPU time per message (the shared machine's other work
 * preempts wall time). Prints p50 / p99 / mean of the quietest and the median round.
 */
const built = (path: string) => require(resolve(__dirname, '../dist/src/modules', path));
const { readCorpus, priorsOf } = built('classifier/corpus/corpus-file.js');
const { trainClassifier } = built('classifier/model/train-classifier.js');
const { LinearModel } = built('classifier/model/linear-model.js');
const { TextScorer } = built('classifier/model/text-scorer.js');
const { routesOf } = built('classifier/routing/decide.js');
const { decideText } = built('classifier/routing/decide-text.js');
const { Categoriser } = built('intake/categoriser/categoriser.js');

interface Category { serviceCode: string; name: string; keywords: string[]; department: string | null; referTo: string | null }

async function main(): Promise<void> {
  const data = require(resolve(__dirname, '../data/municipality.json')) as { categories: Category[]; mahalleler: { code: string; name: string }[] };
  const corpus = readCorpus(resolve(__dirname, '../data/classifier-corpus.json'));
  const destinations = new Map(data.categories.map((c) => [c.serviceCode, c.department ?? `institution:${c.referTo}`]));
  const trained = await trainClassifier(corpus.training, priorsOf(data.categories), destinations);
  const scorer = new TextScorer(new LinearModel(trained.model));
  const routes = routesOf(scorer.model.labels, (label: string) => destinations.get(label));
  const keywords = new Categoriser(data.categories.map((c) => ({ id: c.serviceCode, name: c.name, keywords: c.keywords })), data.mahalleler.map((m) => ({ id: m.code, name: m.name })));
  const texts: string[] = [...corpus.heldOut, ...corpus.training].map((e: { text: string }) => e.text);
  const measure = (name: string, classify: (text: string) => unknown) => {
    for (const text of texts) classify(text);
    const rounds = Array.from({ length: 7 }, () => {
      const times = texts.map((text) => {
        const start = process.cpuUsage();
        classify(text);
        const spent = process.cpuUsage(start);
        return spent.user + spent.system;
      });
      times.sort((a, b) => a - b);
      return { p50: times[Math.floor(times.length / 2)], p99: times[Math.floor(times.length * 0.99)], mean: times.reduce((a, b) => a + b, 0) / times.length };
    });
    const by = (key: 'p50' | 'p99' | 'mean') => rounds.map((r) => r[key]).sort((a, b) => a - b);
    console.log(`${name}: quietest round p50 ${by('p50')[0]} µs, p99 ${by('p99')[0]} µs, mean ${by('mean')[0].toFixed(1)} µs; median round p50 ${by('p50')[3]} µs, p99 ${by('p99')[3]} µs, mean ${by('mean')[3].toFixed(1)} µs`);
  };
  console.log(`${texts.length} messages × 7 rounds, CPU time per message`);
  measure('classifier', (text) => decideText(scorer, text, routes, trained.threshold));
  measure('keyword categoriser (before)', (text) => keywords.suggest(text));
  measure('mahalle by name (what intake still runs beside the classifier)', (text) => keywords.mahalleOf(text));
}

void main();
