import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, it } from 'node:test';
import { planFromSnapshot, type PlanOptions } from '../../../../src/core/plan/planFromSnapshot';
import { renderRecipe } from '../../../../src/core/plan/renderRecipe';
import { EXTRA_CA, exampleDir, fixtureDir, recipeGolden, snapshotFor, type SnapshotSetup } from './snapshotFor';

interface GoldenCase {
    readonly name: string;
    readonly dir: string;
    readonly setup: SnapshotSetup;
    readonly options?: Omit<PlanOptions, 'projectRoot'>;
}

const CASES: readonly GoldenCase[] = [
    { name: 'hello-node', dir: exampleDir('hello-node'), setup: { installed: { node: '20.20.2' } } },
    // The Python case runs in Berlin with an en_US.UTF-8 locale: TZ is kept, the locale becomes C.UTF-8.
    {
        name: 'hello-python',
        dir: exampleDir('hello-python'),
        setup: {
            installed: { python: '3.12.1' },
            locale: { vars: { LANG: 'en_US.UTF-8' }, effective: 'en_US.UTF-8', encoding: 'UTF-8' },
            timezone: { name: 'Europe/Berlin', tzVar: null, offsetMinutes: 60 },
        },
    },
    { name: 'hello-go', dir: exampleDir('hello-go'), setup: { installed: { go: '1.19.8' } } },
    // The monorepo case carries an extra CA: the secret mount (BuildKit) and the throwaway-stage file (classic).
    {
        name: 'node-pnpm-monorepo',
        dir: fixtureDir('node-pnpm-monorepo'),
        setup: { installed: { node: '22.11.0' }, extraCas: [EXTRA_CA] },
    },
    // Ruby through a gem mirror with an extra CA: the mirror and the CA only in the deps stage.
    {
        name: 'ruby-rack-configru',
        dir: fixtureDir('ruby-rack-configru'),
        setup: { installed: { ruby: '3.1.2' }, extraCas: [EXTRA_CA] },
        options: { dependencyMirrors: { rubygems: 'http://gems.corp.example:8808/' } },
    },
    // Rails with native gems (pg, puma, bootsnap …): compilers in the deps stage, libpq5 in the final one.
    { name: 'ruby-rails', dir: fixtureDir('ruby-rails'), setup: { installed: { ruby: '3.3.0' } } },
    // Native dependencies: compilers and -dev packages in the throwaway stage, libraries in the final image.
    { name: 'node-native-addons', dir: fixtureDir('node-native-addons'), setup: { installed: { node: '22.11.0' } } },
    // bun from the npm registry at build time; with a CA but no BuildKit the install moves to a stage and the binary follows.
    {
        name: 'node-bun-api',
        dir: fixtureDir('node-bun-api'),
        setup: { installed: { node: '22.11.0' }, extraCas: [EXTRA_CA] },
    },
    // Python's lockfile managers (PyPI is out of reach here, so these goldens are their proof): Pipenv with a
    // native package only Pipfile.lock names, Poetry with the version its lock header names, uv at the installed version.
    {
        name: 'python-pipenv-flask',
        dir: fixtureDir('python-pipenv-flask'),
        setup: { installed: { python: '3.12.1' }, tools: { pipenv: '2024.0.1' } },
    },
    {
        name: 'python-django-poetry',
        dir: fixtureDir('python-django-poetry'),
        setup: { installed: { python: '3.12.1' } },
    },
    {
        name: 'python-fastapi-uv',
        dir: fixtureDir('python-fastapi-uv'),
        setup: { installed: { python: '3.12.1' }, tools: { uv: '0.5.11' } },
    },
    {
        name: 'node-yarn-berry-workspaces',
        dir: fixtureDir('node-yarn-berry-workspaces'),
        setup: { installed: { node: '22.11.0' } },
    },
    {
        name: 'python-flask-requirements',
        dir: fixtureDir('python-flask-requirements'),
        setup: { installed: { python: '3.12.1' } },
    },
];

/** Compares with the stored golden; UPDATE_GOLDENS=1 writes it instead (review the diff before committing). */
function assertGolden(file: string, actual: string): void {
    if (process.env.UPDATE_GOLDENS === '1' || !existsSync(file)) {
        if (process.env.UPDATE_GOLDENS !== '1') {
            assert.fail(`${file} is missing: run the tests with UPDATE_GOLDENS=1 to write it, then review it.`);
        }
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, actual);
        return;
    }
    assert.equal(actual, readFileSync(file, 'utf8'), `${file} differs (UPDATE_GOLDENS=1 rewrites it)`);
}

describe('golden Dockerfiles', () => {
    for (const { name, dir, setup, options } of CASES) {
        for (const buildkit of [true, false]) {
            const mode = buildkit ? 'buildkit' : 'classic';
            it(`${name} (${mode})`, async () => {
                const plan = planFromSnapshot(await snapshotFor(dir, setup), {
                    ...options,
                    projectRoot: `/home/dev/${name}`,
                });
                const recipe = renderRecipe(plan, { buildkit });
                assertGolden(recipeGolden(`${name}.${mode}`), recipe.dockerfile);
                assert.doesNotMatch(recipe.dockerfile, /^#\s*syntax\s*=/im);
            });
        }
    }
});
