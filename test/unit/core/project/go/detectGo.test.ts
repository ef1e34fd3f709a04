import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectGo } from '../../../../../src/core/project/go/detectGo';
import { detectFiles, detectFixture, found } from '../runDetector';

describe('detectGo on fixture projects', () => {
    it('go-nethttp: the go line as a minimum, net/http, ListenAndServe(":8080")', async () => {
        const run = await detectFixture(detectGo, 'go-nethttp');
        const detection = found(run);
        assert.deepEqual(detection.declared, [
            {
                file: 'go.mod',
                line: 3,
                source: 'go.mod#go',
                raw: '1.19',
                range: '>=1.19',
                note: 'the go line is the minimum Go version; before Go 1.21 it was advisory, so older toolchains still try to build',
            },
        ]);
        assert.deepEqual(detection.packageManagers, [
            { name: 'go', ecosystem: 'go', declared: null, evidence: 'go.mod' },
        ]);
        // No requirements, so no go.sum: nothing to lock.
        assert.deepEqual(detection.lockfiles, []);
        assert.deepEqual(detection.nativeDependencies, []);
        const app = detection.app;
        assert.deepEqual(app?.framework, {
            value: 'net/http',
            at: { file: 'main.go', line: 5 },
            how: 'net/http imported by main.go',
        });
        assert.deepEqual(app?.startCommand, {
            value: ['/app/server'],
            at: { file: 'main.go', line: 8 },
            how: 'binary built from main package . (go build -o /app/server .)',
        });
        assert.deepEqual(app?.entry, {
            value: 'main.go',
            at: { file: 'main.go', line: 8 },
            how: 'func main() in package main',
        });
        assert.deepEqual(app?.ports, [
            { value: 8080, at: { file: 'main.go', line: 14 }, how: 'http.ListenAndServe(":8080")' },
        ]);
        assert.equal(app?.confidence, 3);
        assert.deepEqual(run.issues, []);
    });

    it('go-gin-toolchain: toolchain before go line, asdf pin, go.sum, gin, cmd/api, PORT default, cgo', async () => {
        const run = await detectFixture(detectGo, 'go-gin-toolchain');
        const detection = found(run);
        assert.deepEqual(detection.declared, [
            { file: 'go.mod', line: 5, source: 'go.mod#toolchain', raw: 'go1.22.3', range: '1.22.3' },
            {
                file: 'go.mod',
                line: 3,
                source: 'go.mod#go',
                raw: '1.22',
                range: '>=1.22',
                note: 'the go line is the minimum Go version; older toolchains refuse the module (or fetch a newer one with GOTOOLCHAIN=auto)',
            },
            { file: '.tool-versions', line: 1, source: '.tool-versions', raw: '1.22.3', range: '1.22.3' },
        ]);
        assert.deepEqual(detection.lockfiles, [{ file: 'go.sum', manager: 'go', packageRoot: '.' }]);
        assert.deepEqual(detection.nativeDependencies, [
            {
                name: 'internal/checksum/crc.go',
                ecosystem: 'go',
                reason: 'cgo: import "C", links -lz (needs CGO_ENABLED=1 and a C toolchain)',
                needs: ['gcc', 'libc6-dev'],
                declaredAt: { file: 'internal/checksum/crc.go', line: 8 },
            },
        ]);
        const app = detection.app;
        assert.deepEqual(app?.framework, {
            value: 'gin',
            at: { file: 'go.mod', line: 8 },
            how: 'go.mod requires github.com/gin-gonic/gin v1.10.0',
        });
        assert.deepEqual(app?.startCommand, {
            value: ['/app/server'],
            at: { file: 'cmd/api/main.go', line: 12 },
            how: 'binary built from main package ./cmd/api (go build -o /app/server ./cmd/api); other main packages: cmd/migrate',
        });
        assert.deepEqual(app?.entry?.at, { file: 'cmd/api/main.go', line: 12 });
        assert.deepEqual(app?.ports, [
            {
                value: 8081,
                at: { file: 'cmd/api/main.go', line: 21 },
                how: 'PORT environment variable, default 8081 nearby',
            },
        ]);
        assert.deepEqual(run.issues, []);
    });

    it('go-malformed: an issue at each line the go command would reject; the app is still found', async () => {
        const run = await detectFixture(detectGo, 'go-malformed');
        assert.deepEqual(run.issues, [
            {
                severity: 'warning',
                message: 'go.mod:3: "go one.twenty" is not a Go version (expected e.g. "go 1.22" or "go 1.22.3").',
                at: { file: 'go.mod', line: 3 },
            },
            {
                severity: 'warning',
                message:
                    'go.mod:5: "requires github.com/google/uuid v1.6.0" is not a go.mod directive; the go command will refuse this file.',
                at: { file: 'go.mod', line: 5 },
            },
            {
                severity: 'warning',
                message: 'go.mod:7: the require block opened here is never closed.',
                at: { file: 'go.mod', line: 7 },
            },
        ]);
        const detection = found(run);
        assert.deepEqual(detection.declared, []);
        assert.deepEqual(detection.app?.entry?.at, { file: 'main.go', line: 9 });
        assert.equal(detection.app?.confidence, 2);
    });
});

describe('detectGo', () => {
    it('reads .go-version and mise, and a toolchain it cannot pin', async () => {
        const detection = found(
            await detectFiles(detectGo, {
                'go.mod': 'module example.com/x\n\ngo 1.23.1\ntoolchain default\n',
                '.go-version': '\n1.23\n',
                'mise.toml': '[tools]\ngo = "1.23.2"\n',
            }),
        );
        assert.deepEqual(
            detection.declared.map((item) => [item.source, item.line, item.raw, item.range]),
            [
                ['go.mod#toolchain', 4, 'default', null],
                ['go.mod#go', 3, '1.23.1', '>=1.23.1'],
                ['.go-version', 2, '1.23', '1.23'],
                ['mise.toml', 2, '1.23.2', '1.23.2'],
            ],
        );
        assert.equal(detection.app, null, 'a module without package main is a library');
    });

    it('finds echo, fiber and chi ports and known cgo modules', async () => {
        const echo = found(
            await detectFiles(detectGo, {
                'go.mod':
                    'module example.com/e\n\ngo 1.22\n\nrequire (\n\tgithub.com/labstack/echo/v4 v4.12.0\n\tgithub.com/mattn/go-sqlite3 v1.14.22\n)\n',
                'server.go':
                    'package main\n\nimport "github.com/labstack/echo/v4"\n\nfunc main() {\n\te := echo.New()\n\te.Logger.Fatal(e.Start(":1323"))\n}\n',
            }),
        );
        assert.deepEqual(echo.app?.framework?.value, 'echo');
        assert.deepEqual(echo.app?.ports, [{ value: 1323, at: { file: 'server.go', line: 7 }, how: 'Start(":1323")' }]);
        assert.deepEqual(echo.nativeDependencies, [
            {
                name: 'github.com/mattn/go-sqlite3',
                ecosystem: 'go',
                reason: 'cgo: compiles SQLite from C (needs CGO_ENABLED=1)',
                needs: ['gcc', 'libc6-dev'],
                declaredAt: { file: 'go.mod', line: 7 },
            },
        ]);

        const fiber = found(
            await detectFiles(detectGo, {
                'go.mod': 'module example.com/f\n\ngo 1.22\n\nrequire github.com/gofiber/fiber/v2 v2.52.4\n',
                'cmd/web/main.go':
                    'package main\n\nimport "github.com/gofiber/fiber/v2"\n\nfunc main() {\n\tapp := fiber.New()\n\tapp.Listen(":3000")\n}\n',
                'cmd/tool/main.go': 'package main\n\nfunc main() {}\n',
            }),
        );
        assert.deepEqual(fiber.app?.framework, {
            value: 'fiber',
            at: { file: 'go.mod', line: 5 },
            how: 'go.mod requires github.com/gofiber/fiber/v2 v2.52.4',
        });
        assert.deepEqual(fiber.app?.entry?.value, 'cmd/web/main.go');
        assert.deepEqual(
            fiber.app?.ports.map((port) => port.value),
            [3000],
        );
    });

    it('does not take a database address for the listen port', async () => {
        const detection = found(
            await detectFiles(detectGo, {
                'go.mod': 'module example.com/x\n\ngo 1.22\n',
                'main.go':
                    'package main\n\nimport "net/http"\n\nfunc main() {\n\tdbAddr := "localhost:5432"\n\t_ = dbAddr\n\tlistenAddr := "0.0.0.0:9090"\n\thttp.ListenAndServe(listenAddr, nil)\n}\n',
            }),
        );
        assert.deepEqual(detection.app?.ports, [
            { value: 9090, at: { file: 'main.go', line: 8 }, how: 'listen address listenAddr = "0.0.0.0:9090"' },
        ]);
    });

    it('warns about Go sources without a go.mod, and ignores projects without Go', async () => {
        const run = await detectFiles(detectGo, { 'main.go': 'package main\n\nfunc main() {}\n' });
        assert.deepEqual(
            run.issues.map((issue) => issue.at),
            [{ file: 'main.go', line: 1 }],
        );
        assert.match(run.issues[0]?.message ?? '', /no go\.mod/);
        assert.equal((await detectFiles(detectGo, { 'package.json': '{}' })).detection, null);
    });
});
