// Nest 12 ships ES modules only; Jest on Node 20 cannot require() them, so swc compiles
// those packages to CommonJS along with our TypeScript.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
// Fastify's plugins carry ES-module-only dependencies of their own (listed with the plugin that holds them).
const esmPackages = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer',
  'load-esm',
  '@fastify/static',
  'content-disposition',
  '@fastify/middie',
  'path-to-regexp',
  'light-my-request',
  'cookie',
];

module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/libs', '<rootDir>/test'],
  testRegex: '.*\\.spec\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: { '^@app/(.*)$': '<rootDir>/libs/$1/src' },
  // The staff UI bundle (dist-ui/) from the current source, served by createTestApp's /app.
  globalSetup: '<rootDir>/scripts/jest-global-setup.cjs',
  setupFiles: ['reflect-metadata'],
  testTimeout: 60_000,
  maxWorkers: 2,
  // Each suite boots a Nest app whose modules stay reachable in the worker; a worker past this
  // is replaced between suites, so full collections stay cheap for the suites that come after.
  workerIdleMemoryLimit: '600MB',
};
