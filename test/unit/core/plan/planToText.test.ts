import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planFromSnapshot } from '../../../../src/core/plan/planFromSnapshot';
import { planToText } from '../../../../src/core/plan/planToText';
import { EXTRA_CA, fixtureDir, snapshotFor } from './snapshotFor';

describe('planToText', () => {
    it('shows each decision with its reason and alternatives, then the warnings', async () => {
        const plan = planFromSnapshot(
            await snapshotFor(fixtureDir('node-conflicting-pins'), {
                installed: { node: '20.20.2' },
                extraCas: [EXTRA_CA],
            }),
            { projectRoot: '/home/dev/api' },
        );
        const text = planToText(plan);
        const lines = text.split('\n');
        assert.ok(lines[0]?.startsWith('Plan for /home/dev/api: node, from snapshot '));
        assert.ok(lines.includes('Base image: node:18-bookworm-slim'));
        assert.ok(lines.includes('  node version: 18 (.nvmrc:1)'));
        assert.ok(lines.some((line) => line.startsWith('    why: .nvmrc:1 pins node 18')));
        assert.ok(lines.some((line) => line.startsWith('    or 20.20.2: Installed here.')));
        assert.ok(lines.includes('  install: pnpm install --prod'));
        assert.ok(lines.includes('Start command: node src/server.js (package.json:11)'));
        assert.ok(lines.includes('Port: 3000 (src/server.js:15)'));
        assert.ok(lines.some((line) => line.startsWith('Extra CAs: 1 (CN=Corp Proxy Root CA)')));
        assert.ok(lines.includes('Warnings:'));
        assert.ok(lines.some((line) => line.startsWith('  - node pins disagree')));
        assert.ok(!lines.includes('To do:'));
    });

    it('lists the TODOs of a generic plan', async () => {
        const snapshot = await snapshotFor(fixtureDir('ruby-rails'));
        const app = snapshot.app;
        assert.ok(app);
        const text = planToText(
            planFromSnapshot({ ...snapshot, app: { ...app, ecosystem: null } }, { projectRoot: '/home/dev/shop' }),
        );
        assert.match(
            text,
            /^To do:\n {2}- Parity could not plan this app: only a Procfile says how the app starts, and nothing tells which runtime it needs\.$/m,
        );
    });
});
