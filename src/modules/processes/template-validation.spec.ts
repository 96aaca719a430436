import { DurationUnit } from '../sla';
import { parseChartDuration } from './chart-duration';
import { ProcessEnd, StepDefinition } from './process-definition';
import { SISTER_CITY_TEMPLATE } from './sister-city.template';
import { validateTemplate } from './template-validation';

const days = (max: number, min = max) => ({ min, max, unit: DurationUnit.WorkingDays as const });
const unit = 'd0000000-0000-4000-8000-000000000001';
const s = (key: string, extra: Partial<StepDefinition> = {}): StepDefinition => ({ key, name: `Adım ${key}`, departmentId: unit, duration: days(2), ...extra });
const fields = (steps: StepDefinition[]) => validateTemplate(steps).map((p) => p.field);

describe('template validation', () => {
  it('accepts the shipped sister-city protocol', () => {
    const steps = SISTER_CITY_TEMPLATE.steps.map((x) => ({ ...x, departmentId: unit, duration: parseChartDuration(x.duration) }));
    expect(validateTemplate(steps)).toEqual([]);
  });

  it('accepts a plain sequence and a decision that ends or goes on', () => {
    expect(
      validateTemplate([
        s('1'),
        s('K', {
          outcomes: [
            { code: 'approve', label: 'Onay' },
            { code: 'reject', label: 'Ret', end: ProcessEnd.Rejected },
          ],
        }),
        s('2'),
      ]),
    ).toEqual([]);
  });

  it('finds a cycle and names the link that closes it', () => {
    const problems = validateTemplate([s('1'), s('2'), s('3', { next: '2' })]);
    expect(problems).toEqual([{ field: 'steps.2.next', message: expect.stringContaining('döngü içeriyor (2 → 3 → 2)') }]);
  });

  it('finds a cycle through a decision outcome', () => {
    const decision = s('K', {
      outcomes: [
        { code: 'approve', label: 'Onay', end: ProcessEnd.Completed },
        { code: 'again', label: 'Yeniden', next: '1' },
      ],
    });
    expect(fields([s('1'), decision])).toEqual(['steps.1.outcomes.1.next']);
  });

  it('finds a step pointing at itself', () => {
    expect(fields([s('1', { next: '1' })])).toEqual(['steps.0.next']);
  });

  it('wants a responsible unit or role on every step', () => {
    expect(fields([s('1'), s('2', { departmentId: null })])).toEqual(['steps.1.departmentId']);
    expect(validateTemplate([s('1', { departmentId: null, role: 'executive' as never })])).toEqual([]);
  });

  it('refuses negative, zero and inverted durations', () => {
    expect(fields([s('1', { duration: days(-3) })])).toEqual(['steps.0.duration.max']);
    expect(fields([s('1', { duration: days(3, -1) })])).toEqual(['steps.0.duration.min']);
    expect(fields([s('1', { duration: days(0) })])).toEqual(['steps.0.duration.max']);
    expect(fields([s('1', { duration: days(2, 3) })])).toEqual(['steps.0.duration.min']);
  });

  it('refuses unknown links, duplicate keys, lone outcomes and unreachable steps', () => {
    expect(fields([s('1', { next: '9' })])).toEqual(['steps.0.next']);
    expect(fields([s('1'), s('1')])).toEqual(['steps.1.key']);
    expect(fields([s('1', { outcomes: [{ code: 'ok', label: 'Tamam' }] })])).toEqual(['steps.0.outcomes']);
    expect(fields([s('1', { next: '3' }), s('2'), s('3')])).toEqual(['steps.1']);
    expect(fields([])).toEqual(['steps']);
  });
});
