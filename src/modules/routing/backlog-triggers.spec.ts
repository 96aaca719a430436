import { TicketStatus as S } from '@app/domain';
import { backlogTriggers } from './backlog-triggers';

const placed = (departmentId: string | null, assigneeId: string | null, status: S) => ({ departmentId, assigneeId, status });

describe('backlogTriggers', () => {
  it('frees the assignee’s department when their ticket leaves the open states', () => {
    expect(backlogTriggers(placed('D', 'u', S.InProgress), placed('D', 'u', S.Answered))).toEqual(['D']);
    expect(backlogTriggers(placed('D', 'u', S.Assigned), placed('D', 'u', S.Rejected))).toEqual(['D']);
  });

  it('frees the department when the ticket goes to someone else or elsewhere', () => {
    expect(backlogTriggers(placed('D', 'u', S.Assigned), placed('D', 'v', S.Assigned))).toEqual(['D']);
    expect(backlogTriggers(placed('D', 'u', S.Assigned), placed('E', null, S.New))).toEqual(['D', 'E']);
    expect(backlogTriggers(placed('D', 'u', S.Assigned), placed(null, null, S.New))).toEqual(['D']);
  });

  it('offers an unassigned new arrival to the receiving department', () => {
    expect(backlogTriggers(placed('D', null, S.New), placed('E', null, S.New))).toEqual(['E']);
  });

  it('asks nothing when nobody’s load changed', () => {
    expect(backlogTriggers(placed('D', 'u', S.Assigned), placed('D', 'u', S.InProgress))).toEqual([]);
    expect(backlogTriggers(placed('D', null, S.New), placed('D', null, S.New))).toEqual([]);
    expect(backlogTriggers(placed('D', 'u', S.Answered), placed('D', 'u', S.Closed))).toEqual([]);
  });
});
