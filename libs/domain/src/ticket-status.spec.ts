import { canTransition, OPEN_STATUSES, TicketStatus, TRANSITIONS } from './ticket-status';

const S = TicketStatus;
const all = Object.values(TicketStatus);

describe('ticket state machine', () => {
  const allowed: [TicketStatus, TicketStatus][] = [
    [S.New, S.Assigned],
    [S.New, S.InProgress],
    [S.New, S.Answered],
    [S.New, S.WaitingForCitizen],
    [S.New, S.Rejected],
    [S.New, S.Referred],
    [S.New, S.Merged],
    [S.Assigned, S.New],
    [S.Assigned, S.InProgress],
    [S.Assigned, S.Answered],
    [S.Assigned, S.WaitingForCitizen],
    [S.Assigned, S.Rejected],
    [S.Assigned, S.Referred],
    [S.Assigned, S.Merged],
    [S.InProgress, S.New],
    [S.InProgress, S.Assigned],
    [S.InProgress, S.Answered],
    [S.InProgress, S.WaitingForCitizen],
    [S.InProgress, S.Rejected],
    [S.InProgress, S.Referred],
    [S.InProgress, S.Merged],
    [S.WaitingForCitizen, S.InProgress],
    [S.WaitingForCitizen, S.Answered],
    [S.WaitingForCitizen, S.Rejected],
    [S.WaitingForCitizen, S.Closed],
    [S.Answered, S.Closed],
    [S.Answered, S.Reopened],
    [S.Closed, S.Reopened],
    [S.Rejected, S.Reopened],
    [S.Referred, S.Reopened],
    [S.Reopened, S.Assigned],
    [S.Reopened, S.InProgress],
    [S.Reopened, S.Answered],
    [S.Reopened, S.WaitingForCitizen],
    [S.Reopened, S.Rejected],
    [S.Reopened, S.Referred],
    [S.Reopened, S.Merged],
  ];

  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it('allows nothing else', () => {
    const key = (a: string, b: string) => `${a}>${b}`;
    const expected = new Set(allowed.map(([a, b]) => key(a, b)));
    const forbidden = all.flatMap((from) => all.filter((to) => !expected.has(key(from, to))).map((to) => [from, to]));
    expect(forbidden.filter(([from, to]) => canTransition(from, to))).toEqual([]);
    expect(Object.values(TRANSITIONS).flat()).toHaveLength(allowed.length);
  });

  it.each([
    [S.New, S.Closed],
    [S.Closed, S.InProgress],
    [S.Merged, S.Reopened],
    [S.Answered, S.New],
    [S.Rejected, S.Closed],
    [S.New, S.Reopened],
    [S.Closed, S.Closed],
  ])('forbids %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('counts only unfinished work as open', () => {
    expect(OPEN_STATUSES).not.toContain(S.Answered);
    expect(OPEN_STATUSES).not.toContain(S.Merged);
    expect(OPEN_STATUSES).toContain(S.WaitingForCitizen);
  });
});
