// The Node the app runs on. The project brings its own (the `node` dev dependency, at
// node_modules/.bin/node, which `npm run` and `npx` put first on the PATH), because the
// machines' system Node may be older; a deployment should run the version in .node-version.
import { readFileSync } from 'node:fs';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** The major version `engines.node` asks for ("^26.10.0" → 26). */
export function requiredNodeMajor() {
  const match = /(\d+)/.exec(packageJson.engines?.node ?? '');
  if (!match) throw new Error('package.json has no engines.node version.');
  return Number(match[1]);
}

/** A sentence saying what is wrong with `version` ("v20.20.2"), or null when it will do. */
export function runtimeProblem(version = process.version) {
  const major = Number(/^v?(\d+)/.exec(version)?.[1]);
  const wanted = requiredNodeMajor();
  if (major === wanted) return null;
  return (
    `Vesting Day runs on Node ${wanted} (package.json "engines", .node-version); this is Node ` +
    `${version}. Start it with \`npm start\` (or \`npm run app\`), which uses the Node that ` +
    '`npm ci` installed in node_modules/.bin, or install Node ' +
    `${wanted} for the deployment.`
  );
}
