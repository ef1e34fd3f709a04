import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { NO_SNAPSHOT_MESSAGE } from '../../src/core/dockerfile/checkDockerfile';
import { validSnapshot } from '../unit/core/snapshot/validSnapshot';
import { startTestServer, type TestServer } from './lspHarness';

const DOCKERFILE = 'FROM node:20\nCMD ["node", "server.js"]\n';

const codes = (diagnostics: readonly Diagnostic[]): string[] =>
    diagnostics.map((diagnostic) => String(diagnostic.code));
const noSnapshot = (diagnostics: readonly Diagnostic[]): string => {
    const found = diagnostics.find((diagnostic) => diagnostic.code === 'parity.no-snapshot');
    assert.ok(found, `no parity.no-snapshot among ${JSON.stringify(codes(diagnostics))}`);
    assert.equal(typeof found.message, 'string');
    return found.message as string;
};

/**
 * A folder outside the workspace with everything a project's `.parity` folder can hold: a valid snapshot
 * (whose use would silence parity.no-snapshot) and a last diff with a finding on line 1 of every Dockerfile
 * (whose use would show env.missing). Either appearing means something was read through a link.
 */
function outsideParityFolder(): string {
    const outside = mkdtempSync(join(tmpdir(), 'parity lsp outside '));
    writeFileSync(join(outside, 'local.snapshot.json'), JSON.stringify(validSnapshot));
    const finding = (file: string): unknown => ({
        facet: 'env',
        key: 'NODE_ENV',
        severity: 'warning',
        from: null,
        to: 'set',
        rule: 'env.missing',
        message: 'NODE_ENV is missing.',
        fix: [
            {
                description: 'Set NODE_ENV',
                side: 'to',
                at: { file, line: 1 },
                replaceLineWith: 'ENV NODE_ENV=production',
            },
        ],
    });
    writeFileSync(
        join(outside, 'last-diff.json'),
        JSON.stringify({
            reportVersion: 1,
            findings: ['Dockerfile', 'api/Dockerfile', 'services/Dockerfile'].map(finding),
            counts: { error: 0, warning: 3, info: 0 },
            ignored: 0,
            unknown: [],
        }),
    );
    return outside;
}

function assertNothingReadFrom(diagnostics: readonly Diagnostic[]): void {
    assert.ok(
        !codes(diagnostics).includes('env.missing'),
        `the last diff outside the workspace was read: ${JSON.stringify(codes(diagnostics))}`,
    );
}

describe('project roots and links out of the workspace', () => {
    let outside: string;
    before(() => {
        outside = outsideParityFolder();
    });
    after(() => rmSync(outside, { recursive: true, force: true }));

    it("a project's .parity that is a link out of the workspace does not make a project root, and nothing is read through it", async () => {
        const server = await startTestServer((root) => {
            mkdirSync(join(root, 'api'));
            symlinkSync(outside, join(root, 'api', '.parity'), 'dir');
        });
        try {
            const { diagnostics } = await server.open('api/Dockerfile', DOCKERFILE);
            // The document belongs to the workspace folder, which has no snapshot: the plain message, not "cannot be used".
            assert.equal(noSnapshot(diagnostics), NO_SNAPSHOT_MESSAGE);
            assertNothingReadFrom(diagnostics);
        } finally {
            server.dispose();
        }
    });

    it("the workspace's own .parity as a link out of it: its files are refused, and the diagnostic says why", async () => {
        const server = await startTestServer((root) => symlinkSync(outside, join(root, '.parity'), 'dir'));
        try {
            const { diagnostics } = await server.open('Dockerfile', DOCKERFILE);
            assert.match(
                noSnapshot(diagnostics),
                /^The saved local snapshot cannot be used: \.parity\/local\.snapshot\.json cannot be read: it is a link that leads out of the project/,
            );
            assertNothingReadFrom(diagnostics);
            assert.ok(
                server.logs.some(
                    (line) =>
                        line.level === 'warning' &&
                        /local\.snapshot\.json cannot be read: it is a link/.test(line.message),
                ),
                JSON.stringify(server.logs),
            );
        } finally {
            server.dispose();
        }
    });

    it('a folder that is a link out of the workspace is no project root, even with a real .parity folder at its end', async () => {
        const project = mkdtempSync(join(tmpdir(), 'parity lsp linked project '));
        mkdirSync(join(project, '.parity'));
        writeFileSync(join(project, '.parity', 'local.snapshot.json'), JSON.stringify(validSnapshot));
        const server = await startTestServer((root) => symlinkSync(project, join(root, 'services'), 'dir'));
        try {
            const { diagnostics } = await server.open('services/Dockerfile', DOCKERFILE);
            assert.equal(noSnapshot(diagnostics), NO_SNAPSHOT_MESSAGE);
        } finally {
            server.dispose();
            rmSync(project, { recursive: true, force: true });
        }
    });
});

describe('parity/snapshot for a project root outside the workspace', () => {
    let server: TestServer;
    let outside: string;
    before(async () => {
        outside = mkdtempSync(join(tmpdir(), 'parity lsp elsewhere '));
        server = await startTestServer((root) => symlinkSync(outside, join(root, 'linked'), 'dir'));
    });
    after(() => {
        server.dispose();
        rmSync(outside, { recursive: true, force: true });
    });

    for (const [what, projectRoot] of [
        ['a folder outside', (): string => pathToFileURL(outside).toString()],
        ['a path that climbs out', (): string => `${server.root}${sep}..${sep}elsewhere`],
        ['a link in the workspace that leads out', (): string => pathToFileURL(join(server.root, 'linked')).toString()],
    ] as const) {
        it(`is rejected and logged: ${what}`, async () => {
            const uri = server.uri('Dockerfile');
            await server.open('Dockerfile', DOCKERFILE);
            const logged = server.logs.length;
            await server.client.sendNotification('parity/snapshot', {
                role: 'local',
                snapshot: validSnapshot,
                projectRoot: projectRoot(),
            });
            // The server re-checks open documents after every parity/snapshot; its log line comes first.
            const { diagnostics } = await server.nextDiagnostics(uri);
            assert.equal(noSnapshot(diagnostics), NO_SNAPSHOT_MESSAGE);
            const lines = server.logs.slice(logged);
            assert.ok(
                lines.some(
                    (line) =>
                        line.level === 'error' &&
                        /The local snapshot was not used: .* is not a folder of the workspace/.test(line.message),
                ),
                JSON.stringify(lines),
            );
            await server.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
            await server.nextDiagnostics(uri);
        });
    }

    it('is accepted for a folder of the workspace (the same notification, a folder inside)', async () => {
        mkdirSync(join(server.root, 'api'));
        await server.open('api/Dockerfile', DOCKERFILE);
        await server.client.sendNotification('parity/snapshot', {
            role: 'local',
            snapshot: validSnapshot,
            projectRoot: server.uri('api'),
        });
        const { diagnostics } = await server.nextDiagnostics(server.uri('api/Dockerfile'));
        assert.ok(!codes(diagnostics).includes('parity.no-snapshot'), JSON.stringify(codes(diagnostics)));
    });
});
