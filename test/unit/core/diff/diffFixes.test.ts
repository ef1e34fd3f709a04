import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuntimeDeclaration, Snapshot } from '../../../../src/core/snapshot/Snapshot';
import { diff, env, host, image, only } from './diffFixtures';

const DOCKERFILE = [
    'FROM golang:1.22 AS build',
    'RUN go build ./...',
    '# the image that runs',
    'FROM node:20.11.1-bookworm-slim',
    'ENV NODE_ENV=production LANG=C',
    'ENV TZ=Europe/London',
    'USER app',
    'EXPOSE 3000',
].join('\n');
const project = { dockerfile: { file: 'Dockerfile', text: DOCKERFILE } };
const pins = (...declared: RuntimeDeclaration[]): Snapshot['runtimes'] => ({
    node: { declared, installed: { version: '20.11.1', path: null, manager: 'nvm' } },
});
const pin = (file: string, line: number, source: string, raw: string): RuntimeDeclaration => ({
    file,
    line,
    source,
    raw,
    range: raw,
});
const node22: Snapshot['runtimes'] = {
    node: { declared: [], installed: { version: '22.3.0', path: null, manager: 'image' } },
};

describe('diff fixes', () => {
    it('a runtime difference offers both directions: pin the image, or upgrade this machine and its pins', () => {
        const from = {
            ...host,
            runtimes: pins(
                pin('.nvmrc', 1, '.nvmrc', 'v20'),
                pin('package.json', 12, 'package.json#engines.node', '>=20 <21'),
            ),
        };
        const finding = only(diff(from, { ...image, runtimes: node22 }, {}, project), 'runtime.major');
        assert.deepEqual(finding.fix, [
            {
                description: 'Switch the from side (host laptop) to node 22.3.0 and pin .nvmrc to it.',
                side: 'from',
                at: { file: '.nvmrc', line: 1 },
                replaceLineWith: 'v22',
            },
            {
                description:
                    'Switch the from side (host laptop) to node 22.3.0 and make package.json#engines.node allow it.',
                side: 'from',
                at: { file: 'package.json', line: 12 },
            },
            {
                description: 'Pin the image to node 20.11.1 (node:20.11.1-bookworm-slim).',
                side: 'to',
                at: { file: 'Dockerfile', line: 4 },
                replaceLineWith: 'FROM node:20.11.1-bookworm-slim',
            },
        ]);
    });

    it("the FROM of the plan's base image is the one rewritten in a multi-stage file; go.mod lines keep their precision", () => {
        const go = (version: string, declared: RuntimeDeclaration[] = []): Snapshot['runtimes'] => ({
            go: { declared, installed: { version, path: null, manager: 'system' } },
        });
        const finding = only(
            diff(
                { ...host, runtimes: go('1.21.9', [pin('go.mod', 3, 'go.mod#go', '1.21')]) },
                { ...image, runtimes: go('1.22.5') },
                {},
                { ...project, baseImage: 'golang:1.22' },
            ),
            'runtime.minor',
        );
        assert.deepEqual(
            finding.fix?.map((fix) => [fix.side, fix.at.line, fix.replaceLineWith]),
            [
                ['from', 3, 'go 1.22'],
                ['to', 1, 'FROM golang:1.21.9 AS build'],
            ],
        );
    });

    it('when the image is the from side, its FROM follows the to side', () => {
        const finding = only(
            diff(
                { ...image, runtimes: node22 },
                { ...host, runtimes: pins(pin('.node-version', 1, '.node-version', '20.11.1')) },
                {},
                project,
            ),
            'runtime.major',
        );
        assert.deepEqual(
            finding.fix?.map((fix) => [fix.side, fix.at.file, fix.replaceLineWith]),
            [
                ['from', 'Dockerfile', 'FROM node:20.11.1-bookworm-slim'],
                ['to', '.node-version', '22.3.0'],
            ],
        );
    });

    it('a pyproject pin has a place but no line Parity rewrites', () => {
        const python = (version: string): Snapshot['runtimes'] => ({
            python: {
                declared: [pin('pyproject.toml', 8, 'pyproject.toml#requires-python', '>=3.11')],
                installed: { version, path: null, manager: 'system' },
            },
        });
        const finding = only(
            diff({ ...host, runtimes: python('3.11.7') }, { ...image, runtimes: python('3.12.4') }),
            'runtime.minor',
        );
        assert.deepEqual(finding.fix, [
            {
                description:
                    'Switch the from side (host laptop) to python 3.12.4 and make pyproject.toml#requires-python allow it.',
                side: 'from',
                at: { file: 'pyproject.toml', line: 8 },
            },
        ]);
    });

    it('locale and time zone fixes rewrite a one-variable ENV line, and only point at a shared one', () => {
        const result = diff(
            host,
            {
                ...image,
                locale: { vars: {}, effective: 'C', encoding: 'ANSI_X3.4-1968' },
                timezone: { name: 'Europe/Berlin', tzVar: 'Europe/Berlin', offsetMinutes: 60 },
            },
            {},
            project,
        );
        assert.deepEqual(only(result, 'locale.effective').fix, [
            { description: 'Set LANG=C.UTF-8 in Dockerfile.', side: 'to', at: { file: 'Dockerfile', line: 5 } },
        ]);
        assert.deepEqual(only(result, 'timezone.name').fix, [
            {
                description: 'Set TZ=UTC in Dockerfile.',
                side: 'to',
                at: { file: 'Dockerfile', line: 6 },
                replaceLineWith: 'ENV TZ=UTC',
            },
        ]);
    });

    it('a line that already sets the value is not offered as an edit: the value comes from where the container runs, or from an older build', () => {
        const berlin = { name: 'Europe/Berlin', tzVar: 'Europe/Berlin', offsetMinutes: 60 };
        const london = { dockerfile: { file: 'Dockerfile', text: DOCKERFILE } };
        const fromBerlin = { ...host, timezone: berlin };
        const container = {
            ...image,
            meta: { ...image.meta, source: { kind: 'container' as const, ref: 'web' } },
            timezone: { name: 'America/New_York', tzVar: 'America/New_York', offsetMinutes: -300 },
        };
        const [overridden] =
            only(
                diff(
                    {
                        ...fromBerlin,
                        timezone: { ...berlin, name: 'Europe/London', tzVar: 'Europe/London', offsetMinutes: 0 },
                    },
                    container,
                    {},
                    london,
                ),
                'timezone.name',
            ).fix ?? [];
        assert.equal(overridden?.replaceLineWith, undefined);
        assert.match(
            overridden?.description ?? '',
            /^Dockerfile:6 already sets TZ=Europe\/London; the running container gets another value where it is started/,
        );
        const stale = only(
            diff(
                { ...host, timezone: { name: 'Europe/London', tzVar: 'Europe/London', offsetMinutes: 0 } },
                { ...image, timezone: berlin },
                {},
                london,
            ),
            'timezone.name',
        ).fix?.[0];
        assert.match(
            stale?.description ?? '',
            /already sets TZ=Europe\/London; the image was built from another version of the file: rebuild it/,
        );
    });

    it('USER and EXPOSE lines are where user and port fixes point', () => {
        const app = image.app;
        assert.ok(app);
        const result = diff(
            host,
            {
                ...image,
                user: { uid: 0, gid: 1000, name: 'root', home: '/root' },
                app: { ...app, ports: [{ value: 8080, how: 'EXPOSE' }] },
            },
            {},
            project,
        );
        assert.deepEqual(only(result, 'user.root').fix?.[0]?.at, { file: 'Dockerfile', line: 7 });
        assert.deepEqual(only(result, 'app.port').fix, [
            {
                description: 'Expose 3000 in Dockerfile.',
                side: 'to',
                at: { file: 'Dockerfile', line: 8 },
                replaceLineWith: 'EXPOSE 3000',
            },
        ]);
    });

    it('a missing variable: its .env line, and ENV for a plain one but never for a secret', () => {
        const from = {
            ...host,
            env: {
                FEATURE: env('a'),
                STRIPE_KEY: env('b', { secret: true, source: { kind: 'dotenv', file: '.env', line: 4 } }),
            },
        };
        const result = diff(from, { ...image, env: {} }, {}, project);
        assert.equal(
            only(result, 'env.host-only').fix,
            undefined,
            "a variable of the developer's shell is not the app's to set",
        );
        const plain = only(
            diff(
                { ...from, meta: { ...from.meta, source: { kind: 'container', ref: 'staging' } } },
                { ...image, env: {} },
                {},
                project,
            ),
            'env.missing',
        );
        assert.match(plain.fix?.[0]?.description ?? '', /^Add ENV FEATURE=… after line 4 of Dockerfile/);
        const secret = only(result, 'env.required-missing');
        assert.equal(secret.key, 'STRIPE_KEY');
        assert.deepEqual(
            secret.fix?.map((fix) => [fix.side, fix.at.file, fix.at.line]),
            [
                ['to', 'Dockerfile', 4],
                ['to', '.env', 4],
            ],
        );
        assert.match(secret.fix?.[0]?.description ?? '', /must not be baked into the image/);
    });

    it('without a Dockerfile, image-side fixes are left out rather than guessed', () => {
        const finding = only(diff({ ...host, runtimes: pins() }, { ...image, runtimes: node22 }), 'runtime.major');
        assert.equal(finding.fix, undefined);
    });
});
