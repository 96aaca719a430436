import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

interface Facts {
  violations: string[];
  cycles: string[][];
  docsCurrent: boolean;
}

/** The module walls (.dependency-cruiser.cjs) read from the code itself, as scripts/architecture.mjs reports them. */
describe('the architecture', () => {
  let facts: Facts;

  beforeAll(() => {
    const root = join(__dirname, '..');
    facts = JSON.parse(execFileSync(process.execPath, [join(root, 'scripts/architecture.mjs'), '--json'], { cwd: root }).toString());
  });

  it('reaches another module only through its index.ts, and keeps the libraries free of modules', () => {
    expect(facts.violations).toEqual([]);
  });

  it('has no cycle between modules', () => {
    expect(facts.cycles).toEqual([]);
  });

  it('has the module diagram in docs/ARCHITECTURE.md as the code draws it (npm run docs:architecture)', () => {
    expect(facts.docsCurrent).toBe(true);
  });
});
