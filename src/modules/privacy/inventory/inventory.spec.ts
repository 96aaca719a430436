import { CITIZEN_ROWS } from '../citizen-rows';
import { NON_PERSONAL_FIELDS } from './non-personal-fields';
import { PERSONAL_FIELDS } from './personal-fields';

describe('the personal-data inventory', () => {
  const key = (f: { table: string; column: string }) => `${f.table}.${f.column}`;

  it('classifies each column once', () => {
    const all = [...PERSONAL_FIELDS, ...NON_PERSONAL_FIELDS].map(key);
    expect(all.filter((k, i) => all.indexOf(k) !== i)).toEqual([]);
  });

  it('can reach every column an erasure changes: its table says whose rows are whose', () => {
    const unreachable = PERSONAL_FIELDS.filter((f) => f.erase !== 'keep' && !CITIZEN_ROWS[f.table]).map(key);
    expect(unreachable).toEqual([]);
    const idle = Object.keys(CITIZEN_ROWS).filter((table) => !PERSONAL_FIELDS.some((f) => f.table === table && f.erase !== 'keep'));
    expect(idle).toEqual([]);
  });

  it('says for every personal column why, on what basis and for how long', () => {
    expect(PERSONAL_FIELDS.filter((f) => !f.purpose || !f.legalBasis.startsWith('KVKK') || !f.retention || !f.category).map(key)).toEqual([]);
  });
});
