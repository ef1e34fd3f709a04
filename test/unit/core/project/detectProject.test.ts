import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EnvHashKey } from '../../../../src/core/snapshot/EnvHashKey';
import { detectProject } from '../../../../src/core/project/detectProject';
import { nodeProjectFiles } from '../../../../src/core/project/nodeProjectFiles';
import { reconcileRuntimes } from '../../../../src/core/snapshot/reconcileRuntimes';
import type { RuntimeFacts, RuntimeName } from '../../../../src/core/snapshot/Snapshot';

const fixtures = join(__dirname, '..', '..', '..', 'fixtures', 'projects');
const detect = (name: string) => detectProject(nodeProjectFiles(join(fixtures, name)), EnvHashKey.generate());

describe('detectProject over every fixture project', () => {
    it('runs every detector on every fixture without throwing, and names the ecosystem the fixture is named after', async () => {
        const names = readdirSync(fixtures);
        assert.ok(names.length >= 15, `${names.length} fixtures`);
        for (const name of names) {
            const detection = await detect(name);
            const ecosystem = name.split('-')[0];
            assert.ok(
                detection.ecosystems.includes(ecosystem as RuntimeName),
                `${name}: ${detection.ecosystems.join(', ')}`,
            );
        }
    });

    it('conflicting pins become findings once an installed version is known', async () => {
        for (const [name, runtime, installed] of [
            ['node-conflicting-pins', 'node', '20.20.2'],
            ['python-conflicting-pins', 'python', '3.11.7'],
        ] as const) {
            const detection = await detect(name);
            const facts: RuntimeFacts = {
                declared: detection.declared[runtime] ?? [],
                installed: { version: installed, path: null, manager: 'system' },
            };
            const findings = reconcileRuntimes({ [runtime]: facts });
            assert.ok(
                findings.some((finding) => finding.message.includes('pins disagree')),
                `${name}: ${JSON.stringify(findings.map((finding) => finding.message))}`,
            );
        }
    });

    it('the surest app wins in a monorepo, with its workspace siblings listed', async () => {
        const detection = await detect('node-pnpm-monorepo');
        assert.equal(detection.app?.root, 'apps/api');
        assert.equal(detection.app?.framework?.value, 'fastify');
        assert.ok((detection.app?.workspacePackages.length ?? 0) > 0);
    });

    it('a malformed project still yields what could be read, and issues with file and line', async () => {
        const files = nodeProjectFiles(join(fixtures, 'python-malformed'));
        const detection = await detectProject(files, EnvHashKey.generate());
        assert.ok(detection.ecosystems.includes('python'));
        assert.ok(
            files.issues.all.some((issue) => issue.at?.file === 'pyproject.toml' && issue.at.line > 1),
            JSON.stringify(files.issues.all),
        );
    });
});
