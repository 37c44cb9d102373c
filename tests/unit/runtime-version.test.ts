import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { requiredNodeMajor, runtimeProblem } from '../../scripts/runtime.js';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const packageJson = JSON.parse(read('package.json'));

describe('the Node the project runs on', () => {
  it('is one version in package.json engines, the node dev dependency and .node-version', () => {
    const pinned = packageJson.devDependencies.node as string;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(read('.node-version').trim()).toBe(pinned);
    expect(packageJson.engines.node).toBe(`^${pinned}`);
    expect(requiredNodeMajor()).toBe(Number(pinned.split('.')[0]));
  });

  it('is the Node these tests run on (npm run puts node_modules/.bin first)', () => {
    expect(process.version).toBe(`v${packageJson.devDependencies.node}`);
    expect(runtimeProblem(process.version)).toBeNull();
  });

  it.each([
    ['v20.20.2', true],
    ['v24.1.0', true],
    ['v27.0.0', true],
    [`v${requiredNodeMajor()}.0.0`, false],
    [`v${requiredNodeMajor()}.99.1`, false]
  ])('start refuses %s: %s', (version, refused) => {
    const problem = runtimeProblem(version);
    expect(problem !== null).toBe(refused);
    if (problem) expect(problem).toContain(version);
  });
});
