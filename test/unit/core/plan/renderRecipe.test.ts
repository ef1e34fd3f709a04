import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { planFromSnapshot, type PlanOptions } from '../../../../src/core/plan/planFromSnapshot';
import { renderRecipe } from '../../../../src/core/plan/renderRecipe';
import { ALPINE_320, EXTRA_CA, exampleDir, fixtureDir, snapshotFor, stagesOf, type SnapshotSetup } from './snapshotFor';

const ROOT = '/home/dev/project';

async function render(dir: string, setup: SnapshotSetup, buildkit: boolean, options: Partial<PlanOptions> = {}) {
    const plan = planFromSnapshot(await snapshotFor(dir, setup), { projectRoot: ROOT, ...options });
    return { plan, ...renderRecipe(plan, { buildkit }) };
}

/** Asserts the lines appear in this order (each found after the previous one). */
function assertOrder(text: string, needles: readonly string[]): void {
    let from = 0;
    for (const needle of needles) {
        const at = text.indexOf(needle, from);
        assert.ok(at >= 0, `"${needle}" not found after offset ${from} in:\n${text}`);
        from = at + needle.length;
    }
}

describe('renderRecipe: every fixture and example', () => {
    it('renders in both modes without a # syntax line, with pinned FROM lines', async () => {
        const dirs = [...readdirSync(fixtureDir('.')).map(fixtureDir), ...readdirSync(exampleDir('.')).map(exampleDir)];
        for (const dir of dirs) {
            for (const buildkit of [true, false]) {
                const { dockerfile } = await render(
                    dir,
                    { installed: { node: '20.20.2', python: '3.11.7', go: '1.19.8' }, extraCas: [EXTRA_CA] },
                    buildkit,
                );
                assert.doesNotMatch(dockerfile, /#\s*syntax\s*=/i, dir);
                for (const from of dockerfile.match(/^FROM \S+/gm) ?? []) {
                    assert.match(from, /^FROM [^\s:]+:[\w.-]+$/, `${dir}: ${from}`);
                }
                assert.match(dockerfile, /^CMD \[/m, dir);
            }
        }
    });
});

describe('renderRecipe: layers and instructions', () => {
    it('hello-node: FROM, WORKDIR, manifests, install with a cache mount, sources, USER, EXPOSE, CMD — in that order', async () => {
        const { dockerfile } = await render(exampleDir('hello-node'), { installed: { node: '20.20.2' } }, true);
        assertOrder(dockerfile, [
            'FROM node:20.20.2-bookworm-slim',
            'WORKDIR /app',
            'COPY package.json package-lock.json ./',
            'RUN --mount=type=cache,target=/root/.npm',
            'npm ci --omit=dev',
            'COPY --chown=node . .',
            'USER node',
            'EXPOSE 3000',
            'LABEL',
            'CMD ["node", "server.js"]',
        ]);
    });

    it('classic mode cleans the package cache in the same layer', async () => {
        const { dockerfile } = await render(exampleDir('hello-node'), { installed: { node: '20.20.2' } }, false);
        assert.match(dockerfile, /^RUN npm ci --omit=dev && rm -rf \/root\/\.npm$/m);
        assert.doesNotMatch(dockerfile, /--mount/);
    });

    it("yarn berry workspaces: corepack, each workspace manifest into its folder, the app's folder as working directory", async () => {
        const { dockerfile } = await render(
            fixtureDir('node-yarn-berry-workspaces'),
            { installed: { node: '20.18.1' } },
            true,
        );
        assertOrder(dockerfile, [
            'RUN corepack enable',
            'COPY package.json yarn.lock .yarnrc.yml* ./',
            'COPY libs/logger/package.json libs/logger/',
            'COPY services/gateway/package.json services/gateway/',
            'COPY services/worker/package.json services/worker/',
            'COREPACK_ENABLE_DOWNLOAD_PROMPT=0 COREPACK_NPM_REGISTRY=https://registry.npmjs.org YARN_IGNORE_PATH=1 yarn workspaces focus --all --production',
            'COPY --chown=node . .',
            'WORKDIR /app/services/gateway',
            'USER node',
        ]);
    });

    it("corepack's downloads are cached like packages, and removed in the same layer without BuildKit", async () => {
        const buildkit = await render(
            fixtureDir('node-yarn-berry-workspaces'),
            { installed: { node: '20.18.1' } },
            true,
        );
        assert.match(
            buildkit.dockerfile,
            /--mount=type=cache,target=\/root\/\.yarn\/berry\/cache \\\n {4}--mount=type=cache,target=\/root\/\.cache\/node\/corepack \\\n/,
        );
        const classic = await render(
            fixtureDir('node-yarn-berry-workspaces'),
            { installed: { node: '20.18.1' } },
            false,
        );
        assert.match(
            classic.dockerfile,
            /yarn workspaces focus --all --production && rm -rf \/root\/\.yarn\/berry\/cache \/root\/\.cache\/node\/corepack$/m,
        );
    });

    it('uv: a deps stage with the pinned uv, the venv copied into the final stage', async () => {
        const { dockerfile } = await render(
            fixtureDir('python-fastapi-uv'),
            { installed: { python: '3.12.1' }, tools: { uv: '0.5.11' } },
            true,
        );
        const [deps, final] = stagesOf(dockerfile);
        assert.match(deps ?? '', /^FROM python:3\.12\.1-slim-bookworm AS deps$/m);
        assert.match(deps ?? '', /^RUN pip install uv==0\.5\.11$/m);
        assert.match(deps ?? '', /^ENV UV_PROJECT_ENVIRONMENT=\/opt\/venv$/m);
        assert.match(
            deps ?? '',
            /--mount=type=cache,target=\/root\/\.cache\/uv \\\n {4}uv sync --frozen --no-dev --no-install-project$/m,
        );
        assertOrder(final ?? '', [
            'ENV PATH=/opt/venv/bin:$PATH',
            'RUN useradd --system --uid 10001 --no-create-home app',
            'COPY --from=deps /opt/venv /opt/venv',
            'COPY --chown=app . .',
            'USER app',
            'EXPOSE 8080',
            'CMD ["python", "main.py"]',
        ]);
        assert.doesNotMatch(final ?? '', /UV_PROJECT_ENVIRONMENT|pip install/);
    });

    it('poetry (classic): poetry installed in the deps stage only', async () => {
        const { dockerfile } = await render(
            fixtureDir('python-django-poetry'),
            { installed: { python: '3.12.1' } },
            false,
        );
        const [deps, final] = stagesOf(dockerfile);
        assertOrder(deps ?? '', [
            'RUN python -m venv /opt/venv',
            'RUN pip install poetry==1.8.3',
            'ENV VIRTUAL_ENV=/opt/venv',
            'COPY pyproject.toml poetry.lock ./',
            'RUN poetry install --only main --no-root',
        ]);
        assert.doesNotMatch(final ?? '', /poetry/);
    });

    it('pip console script: the project is installed after the sources are copied', async () => {
        const { dockerfile } = await render(
            fixtureDir('python-conflicting-pins'),
            { installed: { python: '3.11.7' } },
            true,
        );
        assertOrder(stagesOf(dockerfile)[0] ?? '', ['RUN python -m venv /opt/venv', 'COPY . .', 'pip install .']);
    });

    it('go: CGO_ENABLED only in the build stage, both Go caches mounted for the build, only the binary in the final image', async () => {
        const { dockerfile } = await render(fixtureDir('go-gin-toolchain'), { installed: { go: '1.22.3' } }, true);
        const [build, final] = stagesOf(dockerfile);
        assert.match(build ?? '', /^ENV CGO_ENABLED=1$/m);
        assert.match(
            build ?? '',
            /--mount=type=cache,target=\/go\/pkg\/mod \\\n {4}--mount=type=cache,target=\/root\/\.cache\/go-build \\\n {4}go build -trimpath -ldflags="-s -w" -o \/app\/server \.\/cmd\/api$/m,
        );
        assert.doesNotMatch(final ?? '', /CGO_ENABLED|COPY \. /);
        assert.match(final ?? '', /^COPY --from=build \/app\/server \/app\/server$/m);
    });

    it('Alpine: the user is made with adduser', async () => {
        const { dockerfile } = await render(
            exampleDir('hello-python'),
            { installed: { python: '3.12.1' }, platform: ALPINE_320 },
            true,
        );
        assert.match(dockerfile, /^FROM python:3\.12\.1-alpine3\.20$/m);
        assert.match(dockerfile, /^RUN adduser -S -u 10001 app$/m);
    });

    it('a mirror prefixes every FROM', async () => {
        const { dockerfile } = await render(
            fixtureDir('node-pnpm-monorepo'),
            { installed: { node: '22.11.0' } },
            true,
            { baseImageRegistry: 'mirror.local:5000/library/' },
        );
        const froms = dockerfile.match(/^FROM .*$/gm) ?? [];
        assert.equal(froms.length, 2);
        assert.ok(
            froms.every((from) => from.startsWith('FROM mirror.local:5000/library/node:22.11.0-bookworm-slim')),
            froms.join('\n'),
        );
    });

    it('the start command as JSON exec form, escaped', async () => {
        const { dockerfile } = await render(exampleDir('hello-node'), { installed: { node: '20.20.2' } }, true, {
            overrides: { startCommand: ['sh', '-c', 'echo "hi" \\ $HOME'] },
        });
        assert.match(dockerfile, /^CMD \["sh", "-c", "echo \\"hi\\" \\\\ \$HOME"\]$/m);
    });

    it('no start command: a CMD that fails with the reason', async () => {
        const snapshot = await snapshotFor(exampleDir('hello-node'), { installed: { node: '20.20.2' } });
        const app = snapshot.app;
        assert.ok(app);
        const { dockerfile } = renderRecipe(
            planFromSnapshot({ ...snapshot, app: { ...app, startCommand: null } }, { projectRoot: ROOT }),
            { buildkit: true },
        );
        assert.match(dockerfile, /^CMD \["sh", "-c", "echo 'Parity found no start command: .*' >&2; exit 1"\]$/m);
    });

    it('generic fallback: the TODOs as comments and a RUN that fails with them before anything is copied', async () => {
        const snapshot = await snapshotFor(fixtureDir('ruby-rails'));
        const app = snapshot.app;
        assert.ok(app);
        const plan = planFromSnapshot({ ...snapshot, app: { ...app, ecosystem: null } }, { projectRoot: ROOT });
        const { dockerfile } = renderRecipe(plan, { buildkit: true });
        assertOrder(dockerfile, [
            'FROM ruby:3.3.0-slim-bookworm',
            'WORKDIR /app',
            '# TODO',
            `#   - ${plan.todo[0] ?? ''}`,
            "RUN echo 'Parity could not plan this app: only a Procfile says how the app starts, and nothing tells which runtime it needs.",
            "' >&2 && exit 1",
            'COPY --chown=app . .',
            'CMD ["bin/rails", "server", "-b", "0.0.0.0"]',
        ]);
    });
});

describe('renderRecipe: the CA bundle', () => {
    it('BuildKit: a required secret mount and inline variables on installs only, nothing in ENV', async () => {
        const node = await render(
            exampleDir('hello-express'),
            { installed: { node: '20.20.2' }, extraCas: [EXTRA_CA] },
            true,
        );
        assert.match(
            node.dockerfile,
            /--mount=type=secret,id=parity-ca,target=\/run\/secrets\/parity-ca,required=true \\\n {4}NODE_EXTRA_CA_CERTS=\/run\/secrets\/parity-ca npm ci --omit=dev$/m,
        );
        assert.doesNotMatch(node.dockerfile, /^ENV .*CA/m);
        assert.doesNotMatch(node.dockerfile, /parity-ca\.pem/);
        const python = await render(
            fixtureDir('python-flask-requirements'),
            { installed: { python: '3.12.1' }, extraCas: [EXTRA_CA] },
            true,
        );
        assert.match(
            python.dockerfile,
            /PIP_CERT=\/run\/secrets\/parity-ca SSL_CERT_FILE=\/run\/secrets\/parity-ca REQUESTS_CA_BUNDLE=\/run\/secrets\/parity-ca pip install -r requirements\.txt$/m,
        );
        assert.match(python.dockerfile, /^RUN python -m venv \/opt\/venv$/m, 'no CA for an offline setup step');
        const go = await render(exampleDir('hello-go'), { installed: { go: '1.19.8' }, extraCas: [EXTRA_CA] }, true);
        assert.match(go.dockerfile, /SSL_CERT_FILE=\/run\/secrets\/parity-ca go mod download$/m);
    });

    it('classic: the CA file only in the throwaway stage, the sources through /src without it, no trace in the final stage', async () => {
        for (const [dir, setup] of [
            [exampleDir('hello-node'), { installed: { node: '20.20.2' } }],
            [fixtureDir('node-pnpm-monorepo'), { installed: { node: '22.11.0' } }],
            [fixtureDir('python-flask-requirements'), { installed: { python: '3.12.1' } }],
            [exampleDir('hello-go'), { installed: { go: '1.19.8' } }],
        ] as const) {
            const { dockerfile, dockerignore } = await render(dir, { ...setup, extraCas: [EXTRA_CA] }, false);
            const stages = stagesOf(dockerfile);
            const final = stages.at(-1) ?? '';
            assert.ok(stages.length >= 2, dir);
            assert.match(stages[0] ?? '', /^COPY \.parity-ca\.pem \/tmp\/parity-ca\.pem$/m, dir);
            assert.doesNotMatch(final, /parity-ca|CA_CERTS|SSL_CERT_FILE|PIP_CERT/, `${dir}:\n${final}`);
            assert.doesNotMatch(
                final,
                /^COPY (--chown=\S+ )?\. /m,
                `${dir}: the final stage must not copy the context, which holds the CA file`,
            );
            assert.doesNotMatch(dockerfile, /--mount/);
            assertOrder(dockerignore, ['**/*.pem', '!.parity-ca.pem']);
        }
        const pnpm = (
            await render(
                fixtureDir('node-pnpm-monorepo'),
                { installed: { node: '22.11.0' }, extraCas: [EXTRA_CA] },
                false,
            )
        ).dockerfile;
        assertOrder(pnpm, ['COPY . .', 'RUN rm -f .parity-ca.pem', 'pnpm --filter']);
    });

    it('classic with nothing to install: the CA is not used at all', async () => {
        const { dockerfile, dockerignore } = await render(
            exampleDir('hello-python'),
            { installed: { python: '3.12.1' }, extraCas: [EXTRA_CA] },
            false,
        );
        assert.doesNotMatch(dockerfile, /parity-ca/);
        assert.doesNotMatch(dockerignore, /parity-ca/);
        assert.equal(stagesOf(dockerfile).length, 1);
    });

    it('bakeIntoImage puts the bundle in the final stage, and says so', async () => {
        for (const buildkit of [true, false]) {
            const { dockerfile } = await render(
                exampleDir('hello-node'),
                { installed: { node: '20.20.2' }, extraCas: [EXTRA_CA] },
                buildkit,
                { bakeCa: true },
            );
            const final = stagesOf(dockerfile).at(-1) ?? '';
            assert.match(final, /^# The plan bakes the CA bundle in/m);
            assert.match(final, /\/usr\/local\/share\/ca-certificates\/parity-ca\.crt/);
            assert.match(final, /^ENV NODE_EXTRA_CA_CERTS=\/usr\/local\/share\/ca-certificates\/parity-ca\.crt$/m);
            assert.match(final, /update-ca-certificates/);
        }
    });
});

describe('renderRecipe: .dockerignore', () => {
    it('keeps secrets, VCS, dependencies and caches out; .env.example in', async () => {
        const { dockerignore } = await render(exampleDir('hello-node'), { installed: { node: '20.20.2' } }, true);
        const lines = dockerignore.split('\n');
        for (const pattern of [
            '.git',
            '**/node_modules',
            '**/.env',
            '**/.env.*',
            '!**/.env.example',
            '**/*.pem',
            '**/*.key',
            '**/id_rsa*',
            '**/.npmrc',
            '**/.pypirc',
            '.parity/',
            '.vscode/',
            '.idea/',
            '**/__pycache__/',
            '**/*.pyc',
            '.venv/',
            'venv/',
            '.pytest_cache/',
            'coverage/',
            '**/*.log',
            '**/.DS_Store',
            'Dockerfile*',
            '.dockerignore',
            'docker-compose*.yml',
        ]) {
            assert.ok(lines.includes(pattern), `missing ${pattern}`);
        }
        assertOrder(dockerignore, ['**/.env.*', '!**/.env.example']);
        assert.match(dockerignore, /# Registry credentials: pass them as a BuildKit secret/);
        assert.ok(!lines.includes('dist/'), "dist/ is the user's until the image builds it");
    });

    it('ignores build output only when the image builds it', async () => {
        const single = await render(fixtureDir('node-nest-api'), { installed: { node: '26.1.0' } }, true);
        assert.ok(single.dockerignore.split('\n').includes('dist/'));
        const workspace = await render(fixtureDir('node-pnpm-monorepo'), { installed: { node: '22.11.0' } }, true);
        assert.ok(workspace.dockerignore.split('\n').includes('**/dist/'));
    });
});
