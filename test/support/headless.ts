import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

/** `npm run simulate -- <args>` from the repository root, as a child process (rejects on exit code ≠ 0). */
export const simulate = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });

/**
 * A scenario for the toy network with three problems at once: an unknown line, a negative speed factor,
 * a new line without its name (and more). Read by the CLI and imported in the browser.
 */
export const brokenToyScenario = {
  format: 'commuteshed.scenario/1',
  id: 'broken',
  name: 'Broken',
  description: '',
  network: 'toy',
  modifications: [
    { type: 'set-headway', line: 'm9', headways: { 'am-peak': 120 } },
    { type: 'adjust-speed', line: 'm1', speedFactor: -1 },
    { type: 'add-line', line: { id: 'x' } },
  ],
};
