import { TicketKind } from '@app/domain';
import { Category } from '../categories';
import { RoutingRule } from './routing-rule.entity';

export type RoutingDecision =
  { kind: 'department'; departmentId: string; ruleId: string | null } | { kind: 'referral'; institutionId: string } | { kind: 'triage' };

interface RoutableTicket {
  kind: TicketKind;
  mahalleId: string | null;
  departmentId: string | null;
}

/**
 * Where a ticket goes: a referral category leaves the municipality; otherwise the most
 * specific matching rule (category + mahalle + kind beats fewer), else the category's
 * department; without a category a human decides (triage).
 */
export function decideRoute(ticket: RoutableTicket, category: Category | null, rules: RoutingRule[]): RoutingDecision {
  if (ticket.departmentId) return { kind: 'department', departmentId: ticket.departmentId, ruleId: null };
  if (!category) return { kind: 'triage' };
  if (category.referToInstitutionId) return { kind: 'referral', institutionId: category.referToInstitutionId };
  const matching = rules
    .filter((r) => r.active)
    .filter(
      (r) =>
        (r.categoryId === null || r.categoryId === category.id) &&
        (r.mahalleId === null || r.mahalleId === ticket.mahalleId) &&
        (r.kind === null || r.kind === ticket.kind),
    )
    .map((r) => ({ rule: r, specificity: Number(!!r.categoryId) * 4 + Number(!!r.mahalleId) * 2 + Number(!!r.kind) }))
    .sort((a, b) => b.specificity - a.specificity);
  if (matching[0]) return { kind: 'department', departmentId: matching[0].rule.departmentId, ruleId: matching[0].rule.id };
  if (category.defaultDepartmentId) return { kind: 'department', departmentId: category.defaultDepartmentId, ruleId: null };
  return { kind: 'triage' };
}
