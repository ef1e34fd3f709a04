// The host snapshot of a real project on this real machine, each fact checked against the same fact read
// independently (other tools, other files) by the test.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { silentLogger } from '../../src/core/Logger';
import type { Snapshot } from '../../src/core/snapshot/Snapshot';
import { captureHost } from '../../src/targets/host/captureHost';

const root = join(__dirname, '..', '..');
const sh = (script: string, cwd = root): string => execFileSync('sh', ['-c', script], { encoding: 'utf8', cwd }).trim();

function exampleCopy(): string {
    const folder = join(mkdtempSync(join(tmpdir(), 'parity-host-')), 'hello-node');
    cpSync(join(root, 'examples', 'hello-node'), folder, { recursive: true });
    writeFileSync(join(folder, '.env'), 'SESSION_SECRET=correct-horse-battery-staple\nPORT=4000\n');
    return folder;
}

describe('captureHost on this machine', () => {
    let project: string;
    let snapshot: Snapshot;

    before(async () => {
        project = exampleCopy();
        snapshot = await captureHost(project, {
            toolVersion: '0.0.0-test',
            log: silentLogger,
            env: { ...process.env, PARITY_TEST_VALUE: 'visible-only-as-a-hash' },
        });
    });

    it('matches the published JSON Schema', () => {
        const ajv = new Ajv({ allErrors: true, strict: false });
        addFormats(ajv);
        const validate = ajv.compile(
            JSON.parse(readFileSync(join(root, 'schemas', 'snapshot.schema.json'), 'utf8')) as object,
        );
        assert.ok(validate(snapshot), JSON.stringify(validate.errors, null, 2));
    });

    it('platform: OS, distro, kernel, arch and glibc as the system reports them', () => {
        assert.equal(snapshot.platform.os, 'linux');
        assert.equal(snapshot.platform.kernel, sh('uname -r'));
        assert.equal(snapshot.platform.arch, { x86_64: 'amd64', aarch64: 'arm64' }[sh('uname -m')]);
        assert.equal(snapshot.platform.distro?.id, sh('. /etc/os-release && echo "$ID"'));
        assert.equal(snapshot.platform.distro?.versionId, sh('. /etc/os-release && echo "$VERSION_ID"'));
        assert.deepEqual(snapshot.platform.libc, {
            family: 'glibc',
            version: sh('getconf GNU_LIBC_VERSION').split(' ')[1],
        });
    });

    it('runtime: the node the project folder really gets, with npm, and the pins from .nvmrc and engines', () => {
        const node = snapshot.runtimes.node;
        assert.ok(node);
        assert.equal(node.installed?.version, sh('node --version', project).replace(/^v/, ''));
        assert.equal(node.installed?.path, sh('readlink -f "$(command -v node)"', project));
        assert.deepEqual(
            node.declared.map((declaration) => [
                declaration.source,
                declaration.file,
                declaration.line,
                declaration.raw,
            ]),
            [
                ['.nvmrc', '.nvmrc', 1, '20'],
                ['package.json#engines.node', 'package.json', 8, '>=20'],
            ],
        );
        const npm = snapshot.packageManagers.find((manager) => manager.name === 'npm');
        assert.equal(npm?.installed, sh('npm --version', project));
    });

    it('app: the start script, the port default in server.js, and the entry file', () => {
        assert.deepEqual(snapshot.app?.startCommand?.value, ['node', 'server.js']);
        assert.ok(
            snapshot.app?.ports.some((port) => port.value === 3000 && port.at?.file === 'server.js'),
            JSON.stringify(snapshot.app?.ports),
        );
    });

    it('env: names and hashes only — no value anywhere in the snapshot, .env keys marked secret', () => {
        const json = JSON.stringify(snapshot);
        // (HOME's value is also the user's home folder, a fact of its own, so it is not a useful witness.)
        for (const value of [
            'visible-only-as-a-hash',
            'correct-horse-battery-staple',
            process.env.PATH ?? 'no PATH set',
        ]) {
            assert.ok(!json.includes(value), `a value leaked: ${value}`);
        }
        assert.match(snapshot.env.PARITY_TEST_VALUE?.sha256 ?? '', /^[0-9a-f]{64}$/);
        assert.deepEqual(snapshot.env.SESSION_SECRET?.source, { kind: 'dotenv', file: '.env', line: 1 });
        assert.equal(snapshot.env.SESSION_SECRET?.secret, true);
        assert.equal(snapshot.env.PORT?.secret, true, 'every .env value counts as secret');
    });

    it('user, umask, limits and resources as the shell and /proc report them', () => {
        assert.equal(snapshot.user?.uid, Number(sh('id -u')));
        assert.equal(snapshot.user?.gid, Number(sh('id -g')));
        assert.equal(snapshot.user?.name, sh('id -un'));
        assert.equal(snapshot.umask, sh('umask'));
        assert.equal(snapshot.limits.nofile?.soft, Number(sh('ulimit -Sn')));
        assert.equal(snapshot.limits.nofile?.hard, sh('ulimit -Hn') === 'unlimited' ? null : Number(sh('ulimit -Hn')));
        assert.equal(snapshot.resources.cpus, Number(sh('nproc')) || cpus().length);
        const memTotalKiB = Number(/^MemTotal:\s+(\d+)/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1]);
        assert.equal(snapshot.resources.memoryBytes, memTotalKiB * 1024);
    });

    it('locale and timezone from the environment', () => {
        assert.equal(snapshot.locale.effective, process.env.LC_ALL || process.env.LC_CTYPE || process.env.LANG || 'C');
        const zone = process.env.TZ?.replace(/^:/, '') || /zoneinfo\/(.+)$/.exec(sh('readlink /etc/localtime'))?.[1];
        assert.equal(snapshot.timezone.name, zone);
        assert.equal(snapshot.timezone.offsetMinutes, -new Date().getTimezoneOffset());
    });

    it('file system: case-sensitive here, as Linux is', () => {
        assert.equal(snapshot.filesystem.caseSensitive, true);
    });

    it('extra CAs: every certificate in /usr/local/share/ca-certificates, by fingerprint', () => {
        const dir = '/usr/local/share/ca-certificates';
        const expected = existsSync(dir)
            ? readdirSync(dir)
                  .filter((name) => name.endsWith('.crt'))
                  .map((name) => new X509Certificate(readFileSync(join(dir, name))).fingerprint256)
            : [];
        assert.ok(expected.length > 0, "this machine trusts an extra CA (the proxy's); the snapshot must see it");
        const found = new Set(snapshot.certificates.extra.map((cert) => cert.fingerprint256));
        for (const fingerprint of expected) {
            assert.ok(
                found.has(fingerprint),
                `extra CA ${fingerprint} missing from ${JSON.stringify(snapshot.certificates.extra.map((cert) => cert.subject))}`,
            );
        }
    });

    it('system packages: read from the dpkg status file, exactly what dpkg-query lists as installed', () => {
        assert.equal(snapshot.systemPackages?.manager, 'dpkg');
        const listed = sh("dpkg-query -W -f '${db:Status-Abbrev}\\t${Package}\\t${Version}\\n'")
            .split('\n')
            .map((line) => line.split('\t'))
            .filter(([status]) => status?.[1] === 'i')
            .map(([, name, version]) => [name, version]);
        assert.ok(listed.length > 100, `dpkg-query listed ${listed.length} packages`);
        assert.deepEqual(Object.entries(snapshot.systemPackages?.packages ?? {}), listed);
    });
});

describe('captureHost when a runtime is missing', () => {
    it('declared but not installed → installed: null and a finding, not an exception', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'parity-host-ruby-'));
        writeFileSync(join(folder, '.ruby-version'), '3.3.0\n');
        writeFileSync(join(folder, 'Gemfile'), 'source "https://rubygems.org"\nruby "3.3.0"\ngem "sinatra"\n');
        // A PATH without ruby on it, whatever this machine has installed (the test bed installs Debian's ruby).
        const emptyBin = mkdtempSync(join(tmpdir(), 'parity-host-nobin-'));
        try {
            const snapshot = await captureHost(folder, {
                toolVersion: '0.0.0-test',
                log: silentLogger,
                env: { ...process.env, PATH: emptyBin },
            });
            assert.equal(snapshot.runtimes.ruby?.installed, null);
            assert.ok((snapshot.runtimes.ruby?.declared.length ?? 0) > 0);
        } finally {
            rmSync(folder, { recursive: true, force: true });
            rmSync(emptyBin, { recursive: true, force: true });
        }
    });
});
