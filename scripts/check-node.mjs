/**
 * Preflight of the npm scripts that run the project's code (start, test, token, import, test:e2e, bench): on a Node.js older than
 * package.json's `engines.node` (the Lambda runtime's major version), say in one line what to install
 * instead of failing later with a stack trace. Plain JavaScript with no imports beyond node:fs, so it
 * runs on any Node.js.
 */
import { readFileSync } from 'node:fs';

const engines = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;
const required = Number(/\d+/.exec(engines)[0]);
const major = Number(process.versions.node.split('.')[0]);
if (major < required) {
  const event = process.env.npm_lifecycle_event;
  const command = !event ? 'npm …' : event === 'start' || event === 'test' ? `npm ${event}` : `npm run ${event} -- …`;
  process.stderr.write(
    `Alliance Reporting needs Node.js ${required} or newer, this is ${process.version}: install Node.js ${required} ` +
      `(nvm install ${required}), or take it from the npm registry for one command: npx -y -p node@${required} -- ${command}\n`,
  );
  process.exit(1);
}
