import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Hover, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Snapshot } from '../../src/core/snapshot/Snapshot';
import { validSnapshot } from '../unit/core/snapshot/validSnapshot';
import { startTestServer, type TestServer } from './lspHarness';

const codes = (diagnostics: readonly Diagnostic[]): string[] =>
    diagnostics.map((diagnostic) => String(diagnostic.code));
const find = (diagnostics: readonly Diagnostic[], code: string): Diagnostic & { message: string } => {
    const found = diagnostics.find((diagnostic) => diagnostic.code === code);
    assert.ok(found, `no ${code} among ${JSON.stringify(codes(diagnostics))}`);
    assert.equal(typeof found.message, 'string');
    return found as Diagnostic & { message: string };
};

/** Applies the edits a code action makes to `uri` to `text`, as the client would. */
function applyTo(action: CodeAction, uri: string, text: string): string {
    const edits = (action.edit?.documentChanges ?? [])
        .filter((change): change is TextDocumentEdit => 'textDocument' in change && change.textDocument.uri === uri)
        .flatMap((change) => change.edits as TextEdit[]);
    return TextDocument.applyEdits(TextDocument.create(uri, 'x', 1, text), edits);
}

async function actionsAt(server: TestServer, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return server.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
    });
}

describe('language server without a snapshot', () => {
    let server: TestServer;
    before(async () => {
        server = await startTestServer();
    });
    after(() => server.dispose());

    it('runs the checks that need no snapshot and says once how to get the rest', async () => {
        const { diagnostics } = await server.open('Dockerfile', 'FROM node\nCOPY .env /app/.env\nCOPY . /app\n');
        assert.deepEqual(find(diagnostics, 'unpinned-base-image').range, {
            start: { line: 0, character: 5 },
            end: { line: 0, character: 9 },
        });
        assert.equal(find(diagnostics, 'parity.copy-secret').severity, 1);
        assert.match(find(diagnostics, 'parity.dockerignore').message, /no \.dockerignore: node_modules, \.git, \.env/);
        const info = diagnostics.filter((diagnostic) => diagnostic.code === 'parity.no-snapshot');
        assert.equal(info.length, 1);
        assert.equal(info[0]?.severity, 3);
        assert.match(
            JSON.stringify(info[0]?.message),
            /Parity: Snapshot Environment.*parity snapshot --out \.parity\/local\.snapshot\.json/,
        );
    });

    it('offers to create .dockerignore with the missing entries', async () => {
        const uri = server.uri('Dockerfile');
        const { diagnostics } = await server.open('Dockerfile', 'FROM node:20\nCOPY . /app\nUSER node\n');
        const actions = await actionsAt(server, uri, find(diagnostics, 'parity.dockerignore'));
        const add = actions.find((action) => action.title.startsWith('Add node_modules'));
        assert.ok(add, JSON.stringify(actions.map((action) => action.title)));
        const changes = add.edit?.documentChanges ?? [];
        assert.deepEqual(changes[0], {
            kind: 'create',
            uri: server.uri('.dockerignore'),
            options: { ignoreIfExists: true },
        });
        assert.equal(applyTo(add, server.uri('.dockerignore'), ''), 'node_modules\n.git\n.env\n');
    });

    it('keeps checking a syntactically broken Dockerfile: syntax errors from dockerfile-utils, Parity checks for the rest', async () => {
        const { diagnostics } = await server.open(
            'broken/Dockerfile',
            'FROM\nRUN\nCOPY id_rsa /root/.ssh/id_rsa\nFROM python:latest\n',
        );
        assert.ok(
            diagnostics.some((diagnostic) => diagnostic.source === 'dockerfile-utils'),
            JSON.stringify(diagnostics),
        );
        find(diagnostics, 'parity.copy-secret');
        find(diagnostics, 'unpinned-base-image');
    });

    it('reports a binary file named Dockerfile once instead of checking it', async () => {
        const { diagnostics } = await server.open('bin/Dockerfile', 'FROM \u0000\u0001\u0002node\u0000');
        assert.deepEqual(codes(diagnostics), ['parity.unreadable']);
    });

    it('checks a 5,000-line file', async () => {
        const lines = ['FROM node:latest'];
        while (lines.length < 5000) {
            lines.push(`RUN echo ${lines.length}`);
        }
        const { diagnostics } = await server.open('big/Dockerfile', `${lines.join('\n')}\n`);
        find(diagnostics, 'unpinned-base-image');
    });

    it('rapid edits: the last diagnostics are those of the last text', async () => {
        const uri = server.uri('rapid/Dockerfile');
        await server.open('rapid/Dockerfile', 'FROM node:20\nUSER node\n');
        for (let version = 2; version <= 30; version++) {
            await server.client.sendNotification('textDocument/didChange', {
                textDocument: { uri, version },
                contentChanges: [{ text: `FROM node:${version % 2 === 1 ? 'latest' : '20'}\nUSER node\n` }],
            });
        }
        let last = await server.nextDiagnostics(uri);
        while (last.version !== 30) {
            last = await server.nextDiagnostics(uri);
        }
        assert.ok(!codes(last.diagnostics).includes('unpinned-base-image'), 'version 30 pins node:20');
    });

    it('offers completion, formatting and hover docs from dockerfile-language-service', async () => {
        const uri = server.uri('Dockerfile');
        await server.client.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: 2 },
            contentChanges: [{ text: 'FROM node:20\n   run echo hi\nWORKD' }],
        });
        const completion = await server.client.sendRequest<{ label: string }[]>('textDocument/completion', {
            textDocument: { uri },
            position: { line: 2, character: 5 },
        });
        assert.ok(
            completion.some((item) => item.label.startsWith('WORKDIR')),
            JSON.stringify(completion.map((item) => item.label)),
        );
        const edits = await server.client.sendRequest<TextEdit[]>('textDocument/formatting', {
            textDocument: { uri },
            options: { tabSize: 4, insertSpaces: true },
        });
        assert.ok(edits.length > 0);
        const hover = await server.client.sendRequest<Hover | null>('textDocument/hover', {
            textDocument: { uri },
            position: { line: 1, character: 4 },
        });
        assert.match(JSON.stringify(hover?.contents), /RUN/);
    });

    it('never asks Docker Hub for tags: completion in a FROM tag is answered without the network', async () => {
        const uri = server.uri('Dockerfile');
        await server.client.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: 3 },
            contentChanges: [{ text: 'FROM node:2\n' }],
        });
        while ((await server.nextDiagnostics(uri)).version !== 3) {
            // Earlier edits' diagnostics; the test ends only after this text's, so nothing is sent after it.
        }
        const requests: string[] = [];
        const https = (await import('node:https')).default;
        const { get, request } = https;
        // The server runs in this process: any outgoing HTTPS request would pass through here.
        https.get = ((...args: Parameters<typeof get>) => {
            requests.push(JSON.stringify(args[0]));
            return get(...args);
        }) as typeof get;
        https.request = ((...args: Parameters<typeof request>) => {
            requests.push(JSON.stringify(args[0]));
            return request(...args);
        }) as typeof request;
        try {
            const completion = await server.client.sendRequest<unknown[]>('textDocument/completion', {
                textDocument: { uri },
                position: { line: 0, character: 11 },
            });
            assert.deepEqual(completion, []);
        } finally {
            Object.assign(https, { get, request });
        }
        assert.deepEqual(requests, []);
    });
});

describe('language server with a malformed snapshot file', () => {
    it('says so in one diagnostic and keeps working', async () => {
        const server = await startTestServer((root) => {
            mkdirSync(join(root, '.parity'));
            writeFileSync(join(root, '.parity', 'local.snapshot.json'), '{"schemaVersion": 1, "meta": 5}');
        });
        try {
            const { diagnostics } = await server.open('Dockerfile', 'FROM node\n');
            find(diagnostics, 'unpinned-base-image');
            assert.match(find(diagnostics, 'parity.no-snapshot').message, /saved local snapshot cannot be used/);
        } finally {
            server.dispose();
        }
    });
});

describe('language server in a workspace of several projects', () => {
    it("reads each project's own .parity folder, and finds one that appears later", async () => {
        const server = await startTestServer((root) => {
            mkdirSync(join(root, 'api', '.parity'), { recursive: true });
            writeFileSync(join(root, 'api', '.parity', 'local.snapshot.json'), JSON.stringify(validSnapshot));
            mkdirSync(join(root, 'web'));
        });
        try {
            const api = await server.open('api/Dockerfile', 'FROM node:20\nCMD ["node", "server.js"]\n');
            assert.ok(!codes(api.diagnostics).includes('parity.no-snapshot'), 'api has its snapshot');
            find(api.diagnostics, 'parity.user-root');
            const web = await server.open('web/Dockerfile', 'FROM node:20\nCMD ["node", "server.js"]\n');
            find(web.diagnostics, 'parity.no-snapshot');

            mkdirSync(join(server.root, 'web', '.parity'));
            writeFileSync(join(server.root, 'web', '.parity', 'local.snapshot.json'), JSON.stringify(validSnapshot));
            await server.client.sendNotification('workspace/didChangeWatchedFiles', {
                changes: [{ uri: server.uri('web/.parity/local.snapshot.json'), type: 1 }],
            });
            let latest = await server.nextDiagnostics(server.uri('web/Dockerfile'));
            while (codes(latest.diagnostics).includes('parity.no-snapshot')) {
                latest = await server.nextDiagnostics(server.uri('web/Dockerfile'));
            }
            find(latest.diagnostics, 'parity.user-root');
        } finally {
            server.dispose();
        }
    });
});

describe("language server told of one project's snapshot", () => {
    it('uses it for that project only, before any file is saved', async () => {
        const server = await startTestServer((root) => {
            mkdirSync(join(root, 'api'));
            mkdirSync(join(root, 'web'));
        });
        try {
            const text = 'FROM node:20\nCMD ["node", "server.js"]\n';
            find((await server.open('api/Dockerfile', text)).diagnostics, 'parity.no-snapshot');
            find((await server.open('web/Dockerfile', text)).diagnostics, 'parity.no-snapshot');
            await server.client.sendNotification('parity/snapshot', {
                role: 'local',
                snapshot: validSnapshot,
                projectRoot: server.uri('api'),
            });
            let api = await server.nextDiagnostics(server.uri('api/Dockerfile'));
            while (codes(api.diagnostics).includes('parity.no-snapshot')) {
                api = await server.nextDiagnostics(server.uri('api/Dockerfile'));
            }
            find(api.diagnostics, 'parity.user-root');
            const web = await server.nextDiagnostics(server.uri('web/Dockerfile'));
            find(web.diagnostics, 'parity.no-snapshot');
        } finally {
            server.dispose();
        }
    });
});

describe('language server with the local snapshot on disk, a target and findings from the client', () => {
    const local: Snapshot = {
        ...validSnapshot,
        app: { ...validSnapshot.app!, ports: [{ value: 3000, how: 'express default' }] },
    };
    const target: Snapshot = {
        ...validSnapshot,
        meta: {
            ...validSnapshot.meta,
            source: { kind: 'container', ref: 'prod-web' },
            capturedAt: '2026-11-27T00:00:00.000Z',
        },
        platform: { ...validSnapshot.platform, arch: 'arm64' },
        runtimes: { node: { declared: [], installed: { version: '22.3.0', path: null, manager: 'image' } } },
        timezone: { name: 'Europe/Berlin', tzVar: 'Europe/Berlin', offsetMinutes: 60 },
    };
    let server: TestServer;
    before(async () => {
        server = await startTestServer((root) => {
            mkdirSync(join(root, '.parity'));
            writeFileSync(join(root, '.parity', 'local.snapshot.json'), JSON.stringify(local));
            writeFileSync(join(root, '.dockerignore'), 'node_modules\n.git\n.env*\n');
        });
    });
    after(() => server.dispose());

    const dockerfile = 'FROM node:18-alpine\nWORKDIR /app\nCOPY . .\nEXPOSE 8080\nCMD ["node", "server.js"]\n';

    it('flags the base image runtime, the libc switch, EXPOSE and root, each with a fix that changes the text', async () => {
        const uri = server.uri('Dockerfile');
        const { diagnostics } = await server.open('Dockerfile', dockerfile);
        assert.ok(!codes(diagnostics).includes('parity.no-snapshot'));
        assert.ok(!codes(diagnostics).includes('parity.dockerignore'), 'the .dockerignore keeps everything out');
        const runtime = find(diagnostics, 'parity.base-runtime');
        assert.equal(runtime.severity, 1);
        assert.match(runtime.message, /node:18-alpine runs node 18, but node 20\.11\.1 runs here/);
        const pin = (await actionsAt(server, uri, runtime)).find((action) => action.isPreferred);
        assert.equal(applyTo(pin!, uri, dockerfile).split('\n')[0], 'FROM node:20.11.1-alpine');
        const libc = find(diagnostics, 'parity.base-libc');
        assert.equal(libc.severity, 2, 'a warning: the project has no native dependencies');
        const glibc = (await actionsAt(server, uri, libc)).find((action) => action.title.includes('glibc'));
        assert.equal(applyTo(glibc!, uri, dockerfile).split('\n')[0], 'FROM node:18-bookworm-slim');
        const expose = find(diagnostics, 'parity.expose');
        assert.match(expose.message, /listens on 3000 \(express default\)/);
        assert.equal(
            applyTo((await actionsAt(server, uri, expose))[0]!, uri, dockerfile).split('\n')[3],
            'EXPOSE 3000',
        );
        const root = find(diagnostics, 'parity.user-root');
        const addUser = (await actionsAt(server, uri, root)).find((action) => action.title === 'Add USER node');
        assert.equal(
            applyTo(addUser!, uri, dockerfile),
            'FROM node:18-alpine\nWORKDIR /app\nCOPY . .\nEXPOSE 8080\nUSER node\nCMD ["node", "server.js"]\n',
        );
    });

    it("hovers FROM with the image's, the local and the target's values and when they were captured", async () => {
        const uri = server.uri('Dockerfile');
        await server.client.sendNotification('parity/snapshot', { role: 'target', snapshot: target });
        await server.nextDiagnostics(uri);
        const hover = await server.client.sendRequest<Hover>('textDocument/hover', {
            textDocument: { uri },
            position: { line: 0, character: 7 },
        });
        const text = JSON.stringify(hover.contents);
        assert.match(text, /local: 20\.11\.1 · target: 22\.3\.0/);
        assert.match(text, /local: host laptop, captured .*2026-11-28/);
        assert.match(text, /target: container prod-web, captured/);
        const user = await server.client.sendRequest<Hover>('textDocument/hover', {
            textDocument: { uri },
            position: { line: 3, character: 2 },
        });
        assert.match(JSON.stringify(user.contents), /3000 \(express default\)/);
    });

    it("compares --platform and ENV TZ with the target, and offers the target's values", async () => {
        const uri = server.uri('app/Dockerfile');
        const text = 'FROM --platform=linux/amd64 node:20.11.1-bookworm-slim\nENV TZ=UTC\nUSER node\n';
        const { diagnostics } = await server.open('app/Dockerfile', text);
        const platform = diagnostics.find(
            (diagnostic) =>
                diagnostic.code === 'parity.platform' && /arm64 on the target/.test(JSON.stringify(diagnostic.message)),
        );
        assert.ok(platform, JSON.stringify(diagnostics));
        assert.equal(
            applyTo((await actionsAt(server, uri, platform))[0]!, uri, text).split('\n')[0],
            'FROM --platform=linux/arm64 node:20.11.1-bookworm-slim',
        );
        const tz = find(diagnostics, 'parity.env-target');
        assert.match(tz.message, /TZ=Europe\/Berlin/);
        assert.equal(applyTo((await actionsAt(server, uri, tz))[0]!, uri, text).split('\n')[1], 'ENV TZ=Europe/Berlin');
        const hover = await server.client.sendRequest<Hover>('textDocument/hover', {
            textDocument: { uri },
            position: { line: 1, character: 5 },
        });
        assert.match(JSON.stringify(hover.contents), /target: Europe\/Berlin/);
    });

    it("shows the last diff's findings on the line their fix points at, with the fix", async () => {
        const uri = server.uri('Dockerfile');
        const report = {
            reportVersion: 1,
            findings: [
                {
                    facet: 'env',
                    key: 'NODE_ENV',
                    severity: 'warning',
                    from: null,
                    to: 'set',
                    rule: 'env.missing',
                    message: 'NODE_ENV is set here but missing on the target.',
                    fix: [
                        {
                            description: 'Set NODE_ENV in the image',
                            side: 'to',
                            at: { file: 'Dockerfile', line: 2 },
                            replaceLineWith: 'ENV NODE_ENV=production',
                        },
                    ],
                },
            ],
            counts: { error: 0, warning: 1, info: 0 },
            ignored: 0,
            unknown: [],
        };
        await server.client.sendNotification('parity/findings', { report });
        const { diagnostics } = await server.nextDiagnostics(uri);
        const finding = find(diagnostics, 'env.missing');
        assert.equal(finding.range.start.line, 1);
        const actions = await actionsAt(server, uri, finding);
        assert.equal(applyTo(actions[0]!, uri, dockerfile).split('\n')[1], 'ENV NODE_ENV=production');
        assert.ok(actions.some((action) => action.title.startsWith('Ignore this finding')));
    });

    it('checks pin files: declared vs installed here and on the target, hover and fix', async () => {
        const uri = server.uri('.nvmrc');
        const { diagnostics } = await server.open('.nvmrc', '18\n', 'plaintext');
        const here = find(diagnostics, 'parity.pin-local');
        assert.match(here.message, /asks for node 18.*20\.11\.1 runs here/);
        find(diagnostics, 'parity.pin-target');
        const fix = (await actionsAt(server, uri, here)).find((action) => action.isPreferred);
        assert.equal(applyTo(fix!, uri, '18\n'), '20\n');
        const hover = await server.client.sendRequest<Hover>('textDocument/hover', {
            textDocument: { uri },
            position: { line: 0, character: 1 },
        });
        assert.match(JSON.stringify(hover.contents), /local: 20\.11\.1 · target: 22\.3\.0/);
        const pyproject = await server.open(
            'pyproject.toml',
            '[project]\nname = "x"\nrequires-python = ">=3.12"\n',
            'toml',
        );
        const missing = find(pyproject.diagnostics, 'parity.pin-local');
        assert.equal(missing.range.start.line, 2);
        assert.match(missing.message, /asks for python >=3\.12, but python is not installed here/);
    });

    it('"ignore this finding" writes a valid .parity/config.json rule, and the finding goes away', async () => {
        const uri = server.uri('Dockerfile');
        await server.client.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: 2 },
            contentChanges: [{ text: dockerfile }],
        });
        const { diagnostics } = await server.nextDiagnostics(uri);
        const runtime = find(diagnostics, 'parity.base-runtime');
        const ignore = (await actionsAt(server, uri, runtime)).find((action) =>
            action.title.startsWith('Ignore this finding'),
        );
        const configUri = server.uri('.parity/config.json');
        assert.deepEqual(ignore?.edit?.documentChanges?.[0], {
            kind: 'create',
            uri: configUri,
            options: { ignoreIfExists: true },
        });
        const config = applyTo(ignore, configUri, '');
        assert.deepEqual((JSON.parse(config) as { ignore: unknown }).ignore, [
            { rule: 'runtime.major', key: 'node', reason: 'Ignored from the editor' },
        ]);
        writeFileSync(join(server.root, '.parity', 'config.json'), config);
        await server.client.sendNotification('workspace/didChangeWatchedFiles', {
            changes: [{ uri: configUri, type: 1 }],
        });
        const after = await server.nextDiagnostics(uri);
        assert.ok(!codes(after.diagnostics).includes('parity.base-runtime'), JSON.stringify(codes(after.diagnostics)));
    });
});
