// Jest runs this once before the suites: the staff UI bundle (dist-ui/) is built from the current
// source, so createTestApp (the app from src under swc-jest) serves what the code says.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async () => {
  execFileSync(process.execPath, [join(__dirname, 'build-ui.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
};
