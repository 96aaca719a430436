import { TicketKind } from '@app/domain';
import { Category } from '../categories';
import { decideRoute } from './routing-decision';
import { RoutingRule } from './routing-rule.entity';

const category = (over: Partial<Category> = {}) => ({ id: 'cat-park', defaultDepartmentId: 'PARK', referToInstitutionId: null, ...over }) as Category;
const rule = (over: Partial<RoutingRule>) =>
  ({ id: 'r', categoryId: null, mahalleId: null, kind: null, departmentId: 'X', active: true, ...over }) as RoutingRule;
const ticket = { kind: TicketKind.Talep, mahalleId: 'sahil', departmentId: null };

describe('decideRoute', () => {
  it('sends a categorised ticket to the category department', () => {
    expect(decideRoute(ticket, category(), [])).toEqual({ kind: 'department', departmentId: 'PARK', ruleId: null });
  });

  it('refers a category that belongs to another institution', () => {
    expect(decideRoute(ticket, category({ defaultDepartmentId: null, referToInstitutionId: 'SU' }), [])).toEqual({ kind: 'referral', institutionId: 'SU' });
  });

  it('puts an uncategorised ticket in triage', () => {
    expect(decideRoute(ticket, null, [])).toEqual({ kind: 'triage' });
  });

  it('keeps a department chosen by staff', () => {
    expect(decideRoute({ ...ticket, departmentId: 'ZABITA' }, category(), [rule({ departmentId: 'OTHER' })])).toMatchObject({ departmentId: 'ZABITA' });
  });

  it('applies the most specific matching rule', () => {
    const rules = [
      rule({ id: 'cat', categoryId: 'cat-park', departmentId: 'PARK_2' }),
      rule({ id: 'cat+mahalle', categoryId: 'cat-park', mahalleId: 'sahil', departmentId: 'SAHIL_PARK' }),
      rule({ id: 'other-mahalle', categoryId: 'cat-park', mahalleId: 'dag', kind: TicketKind.Talep, departmentId: 'DAG' }),
      rule({ id: 'inactive', categoryId: 'cat-park', mahalleId: 'sahil', kind: TicketKind.Talep, departmentId: 'OLD', active: false }),
    ];
    expect(decideRoute(ticket, category(), rules)).toEqual({ kind: 'department', departmentId: 'SAHIL_PARK', ruleId: 'cat+mahalle' });
    expect(decideRoute({ ...ticket, mahalleId: 'merkez' }, category(), rules)).toMatchObject({ departmentId: 'PARK_2' });
  });
});
