import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerignoreMatcher, parseDockerignore } from '../../../../src/core/build/dockerignore';
import { planFromSnapshot } from '../../../../src/core/plan/planFromSnapshot';
import { renderDockerignore } from '../../../../src/core/plan/renderDockerignore';
import { CREDENTIAL_FILES } from '../../../support/credentialFiles';
import { exampleDir, snapshotFor } from './snapshotFor';

async function matcher(): Promise<DockerignoreMatcher> {
    const plan = planFromSnapshot(await snapshotFor(exampleDir('hello-node'), { installed: { node: '20.20.2' } }), {
        projectRoot: '/home/dev/project',
    });
    return new DockerignoreMatcher(parseDockerignore(renderDockerignore(plan, { buildkit: true })));
}

describe('renderDockerignore: credentials never reach the build context', () => {
    it('leaves out every common credential file, at the top and in any folder', async () => {
        const ignore = await matcher();
        for (const file of CREDENTIAL_FILES) {
            for (const path of [file, `apps/api/${file}`, `deep/er/${file}`]) {
                assert.ok(ignore.matches(path), `${path} would be in the image`);
            }
        }
    });

    it('keeps .env.example and ordinary sources', async () => {
        const ignore = await matcher();
        for (const path of [
            '.env.example',
            'apps/api/.env.example',
            'server.js',
            'package.json',
            'src/keys.js',
            'src/auth/token.ts',
            'environment.ts',
            'config/credentials.yml.enc',
        ]) {
            assert.ok(!ignore.matches(path), `${path} would be left out`);
        }
    });
});
