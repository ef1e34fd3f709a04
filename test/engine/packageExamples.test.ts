// Package App for real: every example (node, node with npm dependencies behind the TLS proxy, python, go)
// goes through snapshot → plan → recipe → build on the test-bed engine, and the built app must answer HTTP.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { silentLogger } from '../../src/core/Logger';
import { parseEngineAddress } from '../../src/core/engineAddress';
import { renderRecipe } from '../../src/core/plan/renderRecipe';
import { writeRecipe } from '../../src/core/recipe/writeRecipe';
import { EngineClient } from '../../src/engine/EngineClient';
import { buildProject } from '../../src/pipeline/buildProject';
import { planProject } from '../../src/pipeline/planProject';
import { dockerCli } from '../support/dockerCli';
import { waitForHttp } from '../support/waitForHttp';
import { requireEngine } from './requireEngine';
import { pruneParityImages } from '../support/pruneParityImages';

const root = join(__dirname, '..', '..');
const client = new EngineClient(
    { address: parseEngineAddress('unix:///var/run/docker.sock'), source: 'test' },
    { log: silentLogger },
);
const tags: string[] = [];
const containers: string[] = [];

function copyOf(example: string): string {
    const folder = join(mkdtempSync(join(tmpdir(), 'parity-pkg-')), example);
    cpSync(join(root, 'examples', example), folder, { recursive: true });
    return folder;
}

/** Runs the image on a loopback port (labelled for cleanup) and returns what `/` answers. */
async function runAndGet(tag: string, port: number): Promise<Record<string, unknown>> {
    const name = `parity-test-pkg-${tag.replace(/[^a-z0-9]+/g, '-')}-${process.pid}`;
    containers.push(name);
    dockerCli([
        'run',
        '-d',
        '--name',
        name,
        '--label',
        'parity.managed=true',
        '--label',
        'parity.purpose=test',
        '-p',
        `127.0.0.1::${port}`,
        tag,
    ]);
    const published = dockerCli(['port', name, `${port}/tcp`]).split('\n')[0] ?? '';
    const body = await waitForHttp(`http://${published}/`);
    return JSON.parse(body) as Record<string, unknown>;
}

async function packageExample(
    example: string,
    builder: 'buildkit' | 'classic',
    noCache = false,
): Promise<{ folder: string; tag: string; port: number }> {
    const folder = copyOf(example);
    const { plan } = await planProject(folder, { log: silentLogger, toolVersion: '0.0.0-test' });
    await writeRecipe(folder, renderRecipe(plan, { buildkit: builder === 'buildkit' }));
    const tag = `parity-test/pkg-${example}-${builder}:${process.pid}`;
    tags.push(tag);
    const result = await buildProject(client, { projectRoot: folder, tag, plan, builder, noCache, log: silentLogger });
    assert.equal(result.builder, builder);
    assert.ok(plan.port.value, `${example}: the plan found the port`);
    return { folder, tag, port: plan.port.value };
}

describe('Package App on the real engine: every example builds and answers', () => {
    before(requireEngine);
    after(() => {
        for (const name of containers) {
            dockerCli(['rm', '--force', name]);
        }
        for (const tag of tags) {
            try {
                dockerCli(['rmi', '--force', tag]);
            } catch {
                // Already gone.
            }
        }
        pruneParityImages();
    });

    it('hello-node: pinned to the node that runs here, answers as that node', async () => {
        const { tag, port, folder } = await packageExample('hello-node', 'buildkit');
        assert.match(
            readFileSync(join(folder, 'Dockerfile'), 'utf8'),
            new RegExp(`^FROM node:${process.versions.node.replace(/\./g, '\\.')}-bookworm-slim$`, 'm'),
        );
        const answer = await runAndGet(tag, port);
        assert.equal(answer.node, process.version);
        assert.equal(dockerCli(['run', '--rm', '--entrypoint', 'id', tag, '-un']), 'node', 'runs as a non-root user');
    });

    it('hello-express: npm ci reaches the registry through the TLS proxy via the CA secret, and no CA stays in the image', async () => {
        // No cache: a secret does not take part in BuildKit's cache key, so a cached install would prove nothing.
        const { tag, port } = await packageExample('hello-express', 'buildkit', true);
        assert.equal((await runAndGet(tag, port)).hello, 'express');
        const leftovers = dockerCli([
            'run',
            '--rm',
            '--entrypoint',
            'sh',
            tag,
            '-c',
            'ls /run/secrets 2>/dev/null; find / -xdev -name "*parity-ca*" 2>/dev/null; grep -rls "sandboxing-egress" /usr/local/share/ca-certificates /etc/ssl 2>/dev/null || true',
        ]);
        assert.equal(leftovers, '', `no trace of the CA in the image: ${leftovers}`);
    });

    it('hello-express with the classic builder: the CA only in a throwaway stage, never in the final image', async () => {
        const { tag, port } = await packageExample('hello-express', 'classic', true);
        assert.equal((await runAndGet(tag, port)).hello, 'express');
        const leftovers = dockerCli([
            'run',
            '--rm',
            '--entrypoint',
            'sh',
            tag,
            '-c',
            'find / -xdev -name "*parity-ca*" 2>/dev/null || true',
        ]);
        assert.equal(leftovers, '');
    });

    it('hello-python: the pyenv Python that runs here, stdlib only', async () => {
        const { tag, port } = await packageExample('hello-python', 'buildkit');
        assert.equal((await runAndGet(tag, port)).python, '3.12.1');
    });

    it('hello-go: multi-stage, a static binary on a slim image of the same distro', async () => {
        const { tag, port, folder } = await packageExample('hello-go', 'buildkit');
        const dockerfile = readFileSync(join(folder, 'Dockerfile'), 'utf8');
        assert.match(dockerfile, /^FROM golang:1\.19(\.\d+)?-bookworm AS build$/m);
        assert.match(dockerfile, /^FROM debian:bookworm-slim$/m);
        assert.match(String((await runAndGet(tag, port)).go), /^go1\.19/);
    });
});
