import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CA_SETTING_VARS, LOCAL_CA_DIRS } from '../../../../src/core/snapshot/extraCertificates';
import { parseProbeOutput } from '../../../../src/core/probe/parseProbeOutput';
import { PROBE_SCRIPT } from '../../../../src/core/probe/probeScript';

// Captured by really running PROBE_SCRIPT in the test bed's images: test/fixtures/probe/capture.sh.
const fixtures = join(__dirname, '..', '..', '..', 'fixtures', 'probe');
const fixture = (name: string): string => readFileSync(join(fixtures, name), 'utf8');

/** The awkward value capture.sh sets: a tab, a newline and a percent sign. */
const WEIRD = 'a\tb\nc%d';
// The fixtures were captured without a key (the format is the same): the parser passes any hash through as it is.
const recordedHash = (name: string, value: string): string =>
    createHash('sha256').update(`${name}=${value}`).digest('hex');

describe('parseProbeOutput on real output', () => {
    it('Debian bookworm-slim (dash, glibc): distro, libc, dpkg packages, env hashes, TZ, an extra CA', () => {
        const facts = parseProbeOutput(fixture('debian-bookworm-slim.txt'), 'image');
        assert.deepEqual(facts.issues, []);
        assert.equal(facts.platform.os, 'linux');
        assert.equal(facts.platform.arch, 'amd64');
        assert.deepEqual(facts.platform.distro, {
            id: 'debian',
            versionId: '12',
            prettyName: 'Debian GNU/Linux 12 (bookworm)',
        });
        assert.deepEqual(facts.platform.libc, { family: 'glibc', version: '2.36' });
        assert.match(facts.platform.kernel ?? '', /^\d+\.\d+/);
        assert.equal(facts.systemPackages?.manager, 'dpkg');
        assert.match(facts.systemPackages?.packages.libc6 ?? '', /^2\.36-/);
        assert.ok(Object.keys(facts.systemPackages?.packages ?? {}).length > 50);
        assert.deepEqual(facts.runtimes, {});
        assert.deepEqual(facts.packageManagers, []);

        assert.equal(
            facts.env.PARITY_WEIRD?.sha256,
            recordedHash('PARITY_WEIRD', WEIRD),
            'the hash covers the exact value, tab, newline and % included',
        );
        assert.equal(facts.env.API_TOKEN?.sha256, recordedHash('API_TOKEN', 'fixture-token-value'));
        assert.equal(facts.env.API_TOKEN?.secret, true);
        assert.equal(facts.env.PATH?.secret, false);
        assert.equal(facts.env.PATH?.source, 'image');
        assert.equal(facts.env.PWD, undefined, "the probe shell's own PWD is not the image's environment");

        assert.deepEqual(facts.timezone, {
            name: 'Europe/Berlin',
            tzVar: 'Europe/Berlin',
            offsetMinutes: facts.timezone.offsetMinutes,
        });
        assert.ok(facts.timezone.offsetMinutes === 60 || facts.timezone.offsetMinutes === 120);
        assert.equal(facts.locale.effective, 'C');
        assert.equal(facts.locale.encoding, 'ANSI_X3.4-1968', "glibc's `locale charmap` for the C locale");
        assert.deepEqual(facts.user, { uid: 0, gid: 0, name: 'root', home: '/root' });
        assert.equal(facts.umask, '0022');
        assert.ok(facts.limits.nofile && facts.limits.nofile.soft !== null && facts.limits.nofile.soft > 0);
        assert.ok(facts.limits.nproc);
        assert.ok((facts.resources.cpus ?? 0) >= 1);
        assert.ok((facts.resources.memoryBytes ?? 0) > 0);
        assert.equal(facts.resources.memoryLimitBytes, null, "cgroup v1's 'no limit' number is not a limit");
        assert.equal(facts.workingDir, '/usr');
        assert.deepEqual(facts.filesystem, { caseSensitive: true });

        assert.deepEqual(facts.certificates.settings, {
            NODE_EXTRA_CA_CERTS: '/usr/local/share/ca-certificates/parity-test-ca.crt',
        });
        assert.equal(
            facts.certificates.extra.length,
            1,
            'the same CA in the folder and in NODE_EXTRA_CA_CERTS is listed once',
        );
        const [ca] = facts.certificates.extra;
        assert.equal(ca?.via, '/usr/local/share/ca-certificates');
        assert.equal(ca?.subject, 'CN=Parity Test Corp CA, O=Parity');
        assert.match(ca?.fingerprint256 ?? '', /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    });

    it('BusyBox (ash, static): no libc reported honestly, no package database, cgroup limits', () => {
        const facts = parseProbeOutput(fixture('busybox.txt'), 'container');
        assert.deepEqual(facts.platform.libc, { family: 'none', version: null });
        assert.equal(facts.platform.distro, null);
        assert.equal(facts.systemPackages, null);
        assert.deepEqual(facts.runtimes, {});
        assert.match(facts.issues.map((issue) => issue.message).join('\n'), /statically linked/);
        assert.ok(facts.issues.every((issue) => issue.severity === 'info'));
        assert.equal(facts.env.PARITY_WEIRD?.sha256, recordedHash('PARITY_WEIRD', WEIRD));
        assert.equal(facts.env.PATH?.source, 'container');
        assert.equal(facts.resources.cpus, 0.5, 'a CFS quota of half a CPU');
        assert.equal(facts.resources.memoryLimitBytes, 256 * 1024 * 1024);
        assert.deepEqual(facts.timezone, { name: 'UTC', tzVar: null, offsetMinutes: 0 });
        assert.equal(facts.locale.encoding, 'ANSI_X3.4-1968');
    });

    it('musl userland: libc musl and its version, a user without a passwd entry', () => {
        const facts = parseProbeOutput(fixture('musl.txt'), 'image');
        assert.deepEqual(facts.issues, []);
        assert.deepEqual(facts.platform.libc, { family: 'musl', version: '1.2.3' });
        assert.equal(facts.platform.distro?.id, 'parity-musl');
        assert.deepEqual(facts.user, { uid: 1000, gid: 1000, name: null, home: '/' });
        assert.equal(facts.locale.effective, 'C.UTF-8');
        assert.equal(facts.locale.encoding, 'UTF-8');
        assert.equal(facts.locale.vars.LC_ALL, 'C.UTF-8');
        assert.equal(facts.locale.vars.LANG, null);
    });

    it('Node image: node and its package managers with paths and versions', () => {
        const facts = parseProbeOutput(fixture('node-20.20.2-bookworm-slim.txt'), 'image');
        assert.deepEqual(facts.runtimes.node, {
            declared: [],
            installed: { version: '20.20.2', path: '/usr/local/bin/node', manager: 'image' },
        });
        const managers = Object.fromEntries(facts.packageManagers.map((manager) => [manager.name, manager]));
        assert.match(managers.npm?.installed ?? '', /^\d+\.\d+\.\d+$/);
        assert.equal(managers.npm?.ecosystem, 'node');
        assert.equal(managers.npm?.declared, null);
        assert.equal(managers.yarn?.installed, '1.22.22');
        assert.match(managers.corepack?.installed ?? '', /^\d+\.\d+\.\d+$/);
    });

    it('Python image: python and pip, LANG and its charmap', () => {
        const facts = parseProbeOutput(fixture('python-3.12.1-slim-bookworm.txt'), 'image');
        assert.deepEqual(facts.runtimes.python?.installed, {
            version: '3.12.1',
            path: '/usr/local/bin/python3',
            manager: 'image',
        });
        assert.deepEqual(
            facts.packageManagers.map((manager) => [manager.name, manager.installed, manager.ecosystem]),
            [['pip', '23.2.1', 'python']],
        );
        assert.equal(facts.locale.vars.LANG, 'C.UTF-8');
        assert.equal(facts.locale.encoding, 'UTF-8');
    });
});

describe('parseProbeOutput is tolerant', () => {
    const debian = fixture('debian-bookworm-slim.txt');

    it('output cut short keeps what was read and says so', () => {
        const cut = debian.slice(0, debian.indexOf('\nenv\t') + 1);
        const facts = parseProbeOutput(cut, 'image');
        assert.equal(facts.platform.distro?.id, 'debian');
        assert.equal(facts.systemPackages?.manager, 'dpkg');
        assert.deepEqual(facts.env, {});
        assert.equal(facts.user, null);
        assert.equal(facts.issues.length, 1);
        assert.equal(facts.issues[0]?.severity, 'warning');
        assert.match(facts.issues[0]?.message ?? '', /ended early .*the last "pkg"/);
        // The packages' section may have gone on, and nothing after it was read.
        assert.deepEqual(facts.unread, [
            'systemPackages',
            'env',
            'locale',
            'timezone',
            'user',
            'umask',
            'limits',
            'resources',
            'certificates',
            'filesystem',
        ]);
    });

    it('output cut short names the sections it did not read: a one-record section read whole is not among them', () => {
        const afterUser = debian.slice(0, debian.indexOf('\numask\t') + 1);
        assert.deepEqual(parseProbeOutput(afterUser, 'container').unread, [
            'umask',
            'limits',
            'resources',
            'certificates',
            'filesystem',
        ]);
        const midLine = `${afterUser}umask\t00`;
        assert.deepEqual(
            parseProbeOutput(midLine, 'container').unread,
            ['umask', 'limits', 'resources', 'certificates', 'filesystem'],
            'a line without its newline was not read',
        );
        const withoutEnd = debian.slice(0, debian.lastIndexOf('end\n'));
        assert.deepEqual(
            parseProbeOutput(withoutEnd, 'container').unread,
            ['filesystem'],
            'the last section may have gone on',
        );
        assert.equal(parseProbeOutput(debian, 'container').unread, undefined, 'a whole output reads every section');
        assert.equal(
            parseProbeOutput('parity-probe\t1\n', 'container').unread?.length,
            13,
            'only the header: nothing read',
        );
        assert.equal(parseProbeOutput('', 'container').unread?.length, 13, 'nothing at all: nothing read');
    });

    it('a line cut in the middle is dropped, not misread', () => {
        const cut = debian.slice(0, debian.indexOf('\nuser\t') + 8);
        const facts = parseProbeOutput(cut, 'image');
        assert.equal(facts.user, null);
        assert.equal(facts.issues.length, 1);
    });

    it('unknown records are ignored', () => {
        const facts = parseProbeOutput('parity-probe\t1\nfrobnicate\tx\ty\numask\t22\nend\n', 'image');
        assert.deepEqual(facts.issues, []);
        assert.equal(facts.umask, '0022');
    });

    it('something that is not probe output is an error issue, and every section unknown', () => {
        const facts = parseProbeOutput('OCI runtime exec failed: exec: "/bin/sh": no such file\n', 'container');
        assert.equal(facts.issues[0]?.severity, 'error');
        assert.match(facts.issues[0]?.message ?? '', /no probe output: OCI runtime exec failed/);
        assert.equal(facts.platform.libc.family, 'unknown');
        assert.equal(facts.user, null);
    });

    it('a variable without a hash (no sha256sum) is kept by name, and the gap is reported', () => {
        const facts = parseProbeOutput('parity-probe\t1\nenv\tDB_PASSWORD\t\nend\n', 'image');
        assert.deepEqual(facts.env.DB_PASSWORD, { sha256: '', secret: true, source: 'image' });
        assert.match(facts.issues[0]?.message ?? '', /by name only .*DB_PASSWORD/);
    });

    it('a Corepack shim is not an installed package manager', () => {
        const facts = parseProbeOutput(
            'parity-probe\t1\npm\tpnpm\t/usr/local/bin/pnpm\t0.29.4\tpackage.json\tcorepack\nend\n',
            'image',
        );
        assert.equal(facts.packageManagers[0]?.installed, null);
        assert.match(facts.issues[0]?.message ?? '', /Corepack shim/);
    });

    it('cgroup v2 limits', () => {
        const facts = parseProbeOutput(
            'parity-probe\t1\ncpus\t8\nmeminfo\tMemTotal:       16000000 kB\ncgroup\t/sys/fs/cgroup/cpu.max\t150000 100000\ncgroup\t/sys/fs/cgroup/memory.max\t536870912\nend\n',
            'container',
        );
        assert.deepEqual(facts.resources, { cpus: 1.5, memoryBytes: 16_000_000 * 1024, memoryLimitBytes: 536870912 });
        const unlimited = parseProbeOutput(
            'parity-probe\t1\ncpus\t8\ncgroup\t/sys/fs/cgroup/cpu.max\tmax 100000\ncgroup\t/sys/fs/cgroup/memory.max\tmax\nend\n',
            'container',
        );
        assert.deepEqual(unlimited.resources, { cpus: 8, memoryBytes: null, memoryLimitBytes: null });
    });
});

describe('PROBE_SCRIPT', () => {
    it('never prints a variable value: the env record carries a hash only', () => {
        const envLoop = PROBE_SCRIPT.slice(
            PROBE_SCRIPT.indexOf('for _n in $_names'),
            PROBE_SCRIPT.indexOf('IFS=$_ifs\n\nfor _n in LANG'),
        );
        assert.match(envLoop, /_pr env "\$_n" "\$\{_h%% \*\}"/);
        assert.doesNotMatch(envLoop, /_pr env [^\n]*\$\{\$_n\}/);
        for (const name of ['debian-bookworm-slim.txt', 'busybox.txt']) {
            assert.ok(!fixture(name).includes('fixture-token-value'));
            assert.ok(!fixture(name).includes('c%25d') && !fixture(name).includes('a%09b'));
        }
    });

    it('looks at the same CA variables and folders as the parser', () => {
        for (const name of [...CA_SETTING_VARS, ...LOCAL_CA_DIRS]) {
            assert.ok(PROBE_SCRIPT.includes(name), name);
        }
    });

    it('uses no bash-only syntax', () => {
        assert.doesNotMatch(
            PROBE_SCRIPT,
            /\[\[ |^\s*(local|function|source|declare|typeset)\s|<<<|\$'|\$\{[^}]*\/\/|==|\bpipefail\b/m,
        );
    });
});
