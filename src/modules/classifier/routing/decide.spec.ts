import { decide, NO_SUBJECT, routesOf } from './decide';

const destinations: Record<string, string> = { 'TEM-001': 'TEMIZLIK', 'TEM-002': 'TEMIZLIK', 'FEN-001': 'FEN', 'REF-001': 'institution:SU' };
const of = (label: string) => destinations[label];
const labels = ['-', 'FEN-001', 'REF-001', 'TEM-001', 'TEM-002'];

describe('decide', () => {
  it.each([
    ['one sure category', [0, 0.9, 0.05, 0.05, 0], 0.8, 'FEN-001', true],
    ['a sure department split over its categories', [0, 0.1, 0.05, 0.45, 0.4], 0.8, 'TEM-001', true],
    ['not sure enough', [0, 0.5, 0.3, 0.1, 0.1], 0.8, 'FEN-001', false],
    ['nothing to route is never routed', [0.9, 0.05, 0.05, 0, 0], 0.1, null, false],
  ])('%s', (_, probabilities, threshold, label, confident) => {
    const d = decide(routesOf(labels, of), probabilities, threshold);
    expect(d.label).toBe(label);
    expect(d.confident).toBe(confident);
  });

  it('gives the three likeliest categories, never the no-subject label, with probabilities of what can be routed', () => {
    const d = decide(routesOf(labels, of), [0.2, 0.1, 0.3, 0.25, 0.15], 0.9);
    expect(d.top.map((t) => t.label)).toEqual(['REF-001', 'TEM-001', 'TEM-002']);
    expect(d.top[0].probability).toBeCloseTo(0.3);
  });

  it('gives no mass to categories without a destination (inactive, or unknown to the municipality)', () => {
    const d = decide(
      routesOf(labels, (l) => (l === 'TEM-001' ? undefined : of(l))),
      [0, 0.1, 0, 0.9, 0],
      0.5,
    );
    expect(d).toMatchObject({ label: 'FEN-001', confident: true, confidence: 1 });
    expect(
      decide(
        routesOf(['TEM-001'], () => undefined),
        [1],
        0.5,
      ),
    ).toMatchObject({ label: null, confident: false });
    expect(NO_SUBJECT).toBe('-');
  });
});
