import { cover, servedByHistograms } from './resolution-times';

describe('cover', () => {
  const built = [
    { span: 12, start: '2025-01-01' },
    { span: 3, start: '2025-01-01' },
    { span: 3, start: '2025-04-01' },
    { span: 1, start: '2025-01-01' },
    { span: 1, start: '2025-02-01' },
    { span: 1, start: '2025-03-01' },
    { span: 1, start: '2025-04-01' },
    { span: 1, start: '2026-01-01' },
  ];

  it('takes a year whole when the period holds it', () => {
    expect(cover('2025-01-01', '2025-12-31', built)).toEqual({ histograms: [{ span: 12, start: '2025-01-01' }], facts: [] });
  });

  it('takes the longest span that ends inside the period, then shorter ones, and reads the rest from facts', () => {
    expect(cover('2024-12-20', '2025-07-15', built)).toEqual({
      histograms: [
        { span: 3, start: '2025-01-01' },
        { span: 3, start: '2025-04-01' },
      ],
      facts: [
        { from: '2024-12-20', to: '2024-12-31' },
        { from: '2025-07-01', to: '2025-07-15' },
      ],
    });
    expect(cover('2025-02-01', '2025-04-30', built)).toEqual({
      histograms: [
        { span: 1, start: '2025-02-01' },
        { span: 1, start: '2025-03-01' },
        { span: 1, start: '2025-04-01' },
      ],
      facts: [],
    });
  });

  it('reads a period from its facts when no histogram fits in it', () => {
    expect(cover('2025-01-02', '2025-01-31', built)).toEqual({ histograms: [], facts: [{ from: '2025-01-02', to: '2025-01-31' }] });
    expect(cover('2025-12-01', '2026-01-30', built)).toEqual({ histograms: [], facts: [{ from: '2025-12-01', to: '2026-01-30' }] });
    expect(cover('2025-01-01', '2025-01-01', [])).toEqual({ histograms: [], facts: [{ from: '2025-01-01', to: '2025-01-01' }] });
  });

  it('crosses a year end', () => {
    expect(cover('2025-04-01', '2026-01-31', built)).toEqual({
      histograms: [
        { span: 3, start: '2025-04-01' },
        { span: 1, start: '2026-01-01' },
      ],
      facts: [{ from: '2025-07-01', to: '2025-12-31' }],
    });
  });
});

describe('servedByHistograms', () => {
  const period = { from: '2025-01-01', to: '2025-12-31' };

  it('serves a period, a department and a scope, and a filter on the grouping’s own column', () => {
    expect(servedByHistograms({ ...period }, 'kind')).toBe(true);
    expect(servedByHistograms({ ...period, departmentId: 'd', scopeDepartmentId: 'd' }, 'mahalle')).toBe(true);
    expect(servedByHistograms({ ...period, channel: 'web' }, 'channel')).toBe(true);
    expect(servedByHistograms({ ...period, mahalleId: 'm' }, 'mahalle')).toBe(true);
  });

  it('leaves a filter on another column, or an attribute, to the facts', () => {
    expect(servedByHistograms({ ...period, channel: 'web' }, 'kind')).toBe(false);
    expect(servedByHistograms({ ...period, categoryId: 'c' }, 'department')).toBe(false);
    expect(servedByHistograms({ ...period, attribute: 'ADA:12' }, 'kind')).toBe(false);
  });
});
