import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { locateBaseImage, locateBuildStep, parseStepName } from '../../../../src/core/build/locateBuildStep';
import { canonicalImageReference } from '../../../../src/core/images/imageReference';
import { parseDockerfile } from '../../../../src/core/build/parseDockerfile';

const fixture = (name: string): string =>
    readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'build', name), 'utf8');

/** Step names captured from real builds on Docker 20.10.24 (BuildKit and classic) of the fixture Dockerfiles. */
function expectLines(dockerfile: string, cases: readonly [string, number | undefined][]): void {
    const parsed = parseDockerfile(dockerfile);
    for (const [name, line] of cases) {
        assert.equal(locateBuildStep(name, parsed)?.line, line, name);
    }
}

describe('locateBuildStep with step names captured from real builds', () => {
    it('BuildKit, two named/unnamed stages, a secret mount continued over two lines', () => {
        expectLines(fixture('multistage.Dockerfile'), [
            ['[internal] load remote build context', undefined],
            ['copy /context /', undefined],
            ['[internal] load metadata for docker.io/library/node:20-bookworm-slim', 1],
            ['[internal] load metadata for docker.io/library/busybox:latest', 7],
            ['[deps 1/4] FROM docker.io/library/node:20-bookworm-slim', 1],
            ['[deps 2/4] WORKDIR /app', 2],
            [
                '[deps 3/4] RUN --mount=type=secret,id=parity-ca,target=/run/secrets/parity-ca,required=true     NODE_EXTRA_CA_CERTS=/run/secrets/parity-ca npm view is-number version',
                3,
            ],
            ['[deps 4/4] RUN echo hello && echo err >&2', 5],
            ['[stage-1 1/3] FROM docker.io/library/busybox', 7],
            ['[stage-1 2/3] COPY --from=deps /app /app', 8],
            ['[stage-1 3/3] RUN ls /run/secrets || true', 9],
            ['exporting to image', undefined],
        ]);
    });

    it('BuildKit pads the counter when a stage has ten steps or more; ENV and ARG are not counted', () => {
        expectLines(fixture('failing-run.Dockerfile'), [
            ['[internal] load metadata for docker.io/library/busybox:latest', 3],
            ['[ 1/11] FROM docker.io/library/busybox', 3],
            ['[ 2/11] WORKDIR /w', 6],
            ['[ 7/11] COPY --chown=1:1 Dockerfile /w/', 11],
            ['[10/11] RUN echo seven &&   echo eight &&   exit 3', 14],
            ['[11/11] RUN echo never', 17],
        ]);
    });

    it('the classic builder numbers every instruction of the file, meta ARGs included; its LABEL steps for --label have no line', () => {
        expectLines(fixture('failing-run.Dockerfile'), [
            ['Step 1/15 : ARG BASE=busybox', 2],
            ['Step 2/15 : FROM ${BASE}', 3],
            ['Step 3/15 : ENV A=1     B=2', 4],
            ['Step 9/15 : COPY --chown=1:1 Dockerfile /w/', 11],
            ['Step 12/15 : RUN echo seven &&   echo eight &&   exit 3', 14],
            ['Step 14/15 : LABEL parity.managed=true', undefined],
        ]);
    });

    it('unnamed stages are stage-N; a FROM BuildKit merged with an earlier identical one still has its line', () => {
        const dockerfile = 'FROM busybox\nRUN echo a > /a\n\nFROM busybox\nCOPY --from=0 /a /b\nRUN cat /b\n';
        expectLines(dockerfile, [
            ['[stage-0 1/2] FROM docker.io/library/busybox', 1],
            ['[stage-0 2/2] RUN echo a > /a', 2],
            ['[stage-1 1/3] FROM docker.io/library/busybox', 4],
            ['[stage-1 2/3] COPY --from=0 /a /b', 5],
            ['[stage-1 3/3] RUN cat /b', 6],
        ]);
    });

    it('a missing base image: the metadata vertex and the classic FROM step both point at its FROM line', () => {
        const dockerfile = 'FROM busybox\nRUN echo ok\nFROM parity-test/does-not-exist:1\nRUN echo hi\n';
        expectLines(dockerfile, [
            ['[internal] load metadata for docker.io/parity-test/does-not-exist:1', 3],
            ['Step 3/6 : FROM parity-test/does-not-exist:1', 3],
        ]);
    });
});

describe('locateBuildStep on the Dockerfile forms BuildKit accepts', () => {
    it('repeated identical steps are told apart by their number', () => {
        const dockerfile = 'FROM node:20 AS Build\nRUN npm ci\nCOPY . .\nRUN npm ci\n';
        expectLines(dockerfile, [
            ['[build 2/4] RUN npm ci', 2],
            ['[build 4/4] RUN npm ci', 4],
            ['[linux/arm64 build 3/4] COPY . .', 3],
        ]);
    });

    it('falls back to the text when the numbering differs from what it expects', () => {
        const dockerfile =
            'FROM node:20 AS deps\nWORKDIR /app\nCOPY package*.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci --omit=dev\n';
        expectLines(dockerfile, [
            ['[deps 3/6] RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev', 4],
            ['[deps 5/6] RUN   --mount=type=cache,target=/root/.npm   npm ci --omit=dev', 4],
            ['[deps 5/6] RUN something else', undefined],
        ]);
    });

    it('continuation lines with comments and blank lines inside, the escape directive, here-documents', () => {
        const backtick =
            '# escape=`\nFROM debian:bookworm-slim\nRUN apt-get update && `\n    # a comment inside\n\n    apt-get install -y curl\nCOPY a b\n';
        expectLines(backtick, [
            ['[2/3] RUN apt-get update &&     apt-get install -y curl', 3],
            ['[3/3] COPY a b', 7],
        ]);
        const parsed = parseDockerfile(backtick);
        assert.deepEqual(
            parsed.instructions.map((instruction) => [instruction.keyword, instruction.line, instruction.endLine]),
            [
                ['FROM', 2, 2],
                ['RUN', 3, 6],
                ['COPY', 7, 7],
            ],
        );
        const heredoc = 'FROM busybox\nRUN <<EOF\nRUN this is not an instruction\nEOF\nRUN echo after\n';
        expectLines(heredoc, [['[3/3] RUN echo after', 5]]);
        assert.deepEqual(
            parseDockerfile(heredoc).instructions.map((instruction) => instruction.line),
            [1, 2, 5],
        );
    });

    it('base images through ARGs with defaults and build args', () => {
        const dockerfile = 'ARG NODE=20\nARG VARIANT\nFROM node:${NODE}-${VARIANT:-bookworm-slim} AS base\nFROM base\n';
        assert.equal(locateBaseImage('docker.io/library/node:20-bookworm-slim', dockerfile)?.line, 3);
        assert.equal(
            locateBaseImage('docker.io/library/node:22-alpine', dockerfile, { NODE: '22', VARIANT: 'alpine' })?.line,
            3,
        );
        assert.equal(locateBaseImage('docker.io/library/python:3', dockerfile), undefined);
    });
});

describe('parseStepName', () => {
    it('reads both builders', () => {
        assert.deepEqual(parseStepName('[deps 3/6] RUN npm ci'), {
            builder: 'buildkit',
            internal: false,
            stage: 'deps',
            index: 3,
            total: 6,
            instruction: 'RUN npm ci',
        });
        assert.deepEqual(parseStepName('[ 2/11] WORKDIR /w'), {
            builder: 'buildkit',
            internal: false,
            index: 2,
            total: 11,
            instruction: 'WORKDIR /w',
        });
        assert.deepEqual(parseStepName('[internal] load build definition from Dockerfile'), {
            builder: 'buildkit',
            internal: true,
            instruction: 'load build definition from Dockerfile',
        });
        assert.deepEqual(parseStepName('exporting to image'), {
            builder: 'buildkit',
            internal: true,
            instruction: 'exporting to image',
        });
        assert.deepEqual(parseStepName('Step 3/7 : RUN npm ci'), {
            builder: 'classic',
            internal: false,
            index: 3,
            total: 7,
            instruction: 'RUN npm ci',
        });
    });
});

describe('canonicalImageReference (imageReference)', () => {
    it('writes references the way BuildKit prints them', () => {
        assert.equal(canonicalImageReference('node:20'), 'docker.io/library/node:20');
        assert.equal(canonicalImageReference('busybox'), 'docker.io/library/busybox:latest');
        assert.equal(canonicalImageReference('parity-test/does-not-exist:1'), 'docker.io/parity-test/does-not-exist:1');
        assert.equal(canonicalImageReference('127.0.0.1:5000/app'), '127.0.0.1:5000/app:latest');
        assert.equal(canonicalImageReference('localhost/app:1'), 'localhost/app:1');
        assert.equal(canonicalImageReference('node@sha256:abc'), 'docker.io/library/node@sha256:abc');
    });
});
