import { priorsOf } from '../corpus/corpus-file';
import { routesOf } from '../routing/decide';
import { decideText } from '../routing/decide-text';
import { featuresOf } from '../text/features';
import { LinearModel } from './linear-model';
import { decodeModel, encodeModel } from './model-codec';
import { TextScorer } from './text-scorer';
import { trainLogistic } from './train-logistic';
import { trainingSetOf } from './training-set';

const examples = [
  ...['çöpler toplanmadı', 'cop kamyonu gelmedi', 'çöp birikti koku var', 'copler alinmadi'].map((text) => ({ text, label: 'TEM-001' })),
  ...['yolda çukur var', 'asfalt bozuk cukur', 'yol çöktü çukur oldu', 'cukurlar kapatilsin'].map((text) => ({ text, label: 'FEN-001' })),
  ...['alo', 'merhaba beni arayin'].map((text) => ({ text, label: '-' })),
  ...priorsOf([{ serviceCode: 'TEM-001', name: 'Çöp toplanmadı', keywords: ['çöp'] }]),
];
const destinations: Record<string, string> = { 'TEM-001': 'TEMIZLIK', 'FEN-001': 'FEN' };

describe('scoring a text', () => {
  let model: LinearModel;
  beforeAll(async () => {
    model = new LinearModel(await trainLogistic(await trainingSetOf(examples, ['-', 'FEN-001', 'TEM-001'], 1), { epochs: 20 }));
  });

  it('gives what scoring its features gives, from cached word rows', () => {
    const scorer = new TextScorer(model);
    for (const text of ['Çöpler 3 gündür toplanmadı', 'çukur çukur çukur', 'ÇÖP', 'kedi', '']) {
      for (let round = 0; round < 2; round += 1) expect(scorer.score(text)).toEqual(model.score(featuresOf(text)));
    }
  });

  it('survives being stored', () => {
    const copy = new LinearModel(decodeModel(encodeModel(model.data)));
    expect(copy.score(featuresOf('çöp kamyonu'))).toEqual(model.score(featuresOf('çöp kamyonu')));
  });

  it.each([
    ['', 'empty'],
    ['   \n', 'empty'],
    ['😡😡😡🙏', 'empty'],
    ['Hello, the rubbish truck did not come', 'unknown-words'],
    ['Здравствуйте', 'unknown-words'],
  ])('sends %j to triage (%s), without an exception', (text, reason) => {
    expect(
      decideText(
        new TextScorer(model),
        text,
        routesOf(model.labels, (l) => destinations[l]),
        0.5,
      ),
    ).toMatchObject({ label: null, confident: false, triage: reason });
  });

  it('reads a 50,000-character message quickly and decides it', () => {
    const text = `Merhaba, çöpler toplanmadı. ${'x'.repeat(50_000)}`;
    const start = performance.now();
    const d = decideText(
      new TextScorer(model),
      text,
      routesOf(model.labels, (l) => destinations[l]),
      0.5,
    );
    expect(performance.now() - start).toBeLessThan(50);
    expect(d.label).toBe('TEM-001');
  });
});
