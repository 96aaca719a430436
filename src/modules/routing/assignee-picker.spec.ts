import { chooseAssignee } from './assignee-picker';

// In the database's order: fewest open tickets first, then longest since an assignment.
const staff = [
  { id: 'ayse', open: 1 },
  { id: 'burak', open: 1 },
  { id: 'cem', open: 2 },
];

describe('chooseAssignee', () => {
  it('takes the first in the database order when nothing is pending', () => {
    expect(chooseAssignee(staff, 5, [])).toBe('ayse');
  });

  it('counts tickets given out earlier in the same batch, and puts their holders last among equals', () => {
    expect(chooseAssignee(staff, 5, ['ayse'])).toBe('burak');
    // ayse 2, burak 2, cem 2: cem had no ticket in this batch, so cem is next
    expect(chooseAssignee(staff, 5, ['ayse', 'burak'])).toBe('cem');
    // all at 3 now: the one whose batch ticket is oldest goes round again
    expect(chooseAssignee(staff, 5, ['ayse', 'burak', 'cem'])).toBe('ayse');
  });

  it('keeps to the cap, counting the batch', () => {
    expect(chooseAssignee(staff, 2, [])).toBe('ayse');
    expect(chooseAssignee(staff, 2, ['ayse'])).toBe('burak');
    expect(chooseAssignee(staff, 2, ['ayse', 'burak'])).toBeNull();
  });

  it('finds nobody in an empty department', () => {
    expect(chooseAssignee([], 5, [])).toBeNull();
  });
});
