/**
 * The walls between modules, checked by test/architecture.spec.ts (npm test) — see
 * docs/ARCHITECTURE.md. Module-level cycles are checked there too, on the graph this produces.
 */
module.exports = {
  forbidden: [
    {
      name: 'only-public-faces',
      comment: 'A module is reached through its index.ts only; what it does not export there is its own.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'libs-know-no-module',
      comment: 'libs/ hold what is cross-cutting; they never depend on a module of src/.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^src/' },
    },
    {
      name: 'domain-stands-alone',
      comment: 'The shared domain types depend on no other library of ours.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { path: '^libs/', pathNot: '^libs/domain/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.spec\\.ts$', '^libs/testing/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
