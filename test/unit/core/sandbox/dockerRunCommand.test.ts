import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'shell-quote';
import { dockerRunCommand } from '../../../../src/core/sandbox/dockerRunCommand';
import { sandboxPolicy } from '../../../../src/core/sandbox/sandboxPolicy';

const MiB = 1024 * 1024;
const imageConfig = {
    User: 'node',
    ExposedPorts: { '3000/tcp': {} },
    Env: ['PATH=/usr/bin', 'NODE_ENV=production'],
    Cmd: ['node', 'server.js'],
};

/** A sandbox as Parity plans it, with a secret from .env and a setting. */
function planned(
    overrides: Parameters<typeof sandboxPolicy>[0]['settings'] = {},
): ReturnType<typeof sandboxPolicy>['create'] {
    return sandboxPolicy({
        name: 'parity-sandbox-shop-abc123',
        image: { ref: 'shop:parity', config: imageConfig },
        port: 3000,
        settings: {
            projectLabel: '/work/shop',
            memoryBytes: 256 * MiB,
            cpus: 0.5,
            pids: 64,
            writablePaths: ['/app/cache'],
            dotenv: { API_TOKEN: 's3cr3t value' },
            env: { LOG_LEVEL: 'debug' },
            ...overrides,
        },
        target: {
            meta: {
                capturedAt: '2026-12-05T00:00:00Z',
                source: { kind: 'container', ref: 'web' },
                tool: { name: 'parity', version: 't' },
            },
            resources: { cpus: null, memoryBytes: null, memoryLimitBytes: null },
            limits: { nofile: { soft: 1024, hard: 4096 }, nproc: null },
            user: null,
        },
    }).create;
}

function commandOf(create: ReturnType<typeof planned>): ReturnType<typeof dockerRunCommand> {
    return dockerRunCommand({ image: create.Image, config: create, hostConfig: create.HostConfig, imageConfig });
}

describe('dockerRunCommand', () => {
    it('carries every hardening flag Parity set', () => {
        const { argv } = commandOf(planned());
        const text = argv.join(' ');
        for (const flag of [
            '--user node',
            '--read-only',
            '--cap-drop ALL',
            '--security-opt no-new-privileges',
            `--memory ${256 * MiB}b`,
            `--memory-swap ${256 * MiB}b`,
            '--cpus 0.5',
            '--pids-limit 64',
            '--ulimit nofile=1024:4096',
            '--ipc private',
            '--cgroupns private',
            '--network bridge',
            '--publish 127.0.0.1::3000/tcp',
        ]) {
            assert.ok(text.includes(flag), `${flag} in: ${text}`);
        }
        assert.ok(argv.includes('/tmp:rw,noexec,nosuid,nodev,size=67108864,mode=1777'));
        assert.ok(argv.includes('/app/cache:rw,noexec,nosuid,nodev,size=67108864,mode=1777'));
        assert.deepEqual(argv.slice(0, 2), ['run', '--rm']);
        assert.equal(argv.at(-1), 'shop:parity', "the image last; the image's own CMD is not repeated");
    });

    it('names variables but never carries a value', () => {
        const result = commandOf(planned());
        assert.deepEqual([...result.envNames].sort(), ['API_TOKEN', 'LOG_LEVEL']);
        assert.ok(!result.text.includes('s3cr3t'), 'no .env value in the command');
        assert.ok(!result.text.includes('debug'), 'no setting value either: names only');
        assert.ok(!result.argv.includes('NODE_ENV'), 'what the image sets itself is not repeated');
        assert.match(result.text, /^# API_TOKEN, LOG_LEVEL: values come from your shell/);
    });

    it('is one shell command that parses back to the same words', () => {
        const result = commandOf(planned());
        const command = result.text
            .split('\n')
            .filter((line) => !line.startsWith('#'))
            .join('\n')
            .replace(/\\\n/g, ' ');
        assert.deepEqual(parse(command), ['docker', ...result.argv]);
    });

    it('quotes only what sh would not read literally, and a quote inside survives the round trip', () => {
        const create = sandboxPolicy({
            name: 'p',
            image: { ref: 'img:1', config: imageConfig },
            port: null,
            settings: {},
            command: ['sh', '-c', "echo it's $HOME"],
        }).create;
        const result = dockerRunCommand({
            image: create.Image,
            config: create,
            hostConfig: create.HostConfig,
            imageConfig,
        });
        assert.ok(
            result.text.includes('--tmpfs /tmp:rw,noexec,nosuid,nodev,size=67108864,mode=1777'),
            'the tmpfs options read as typed',
        );
        const command = result.text.replace(/\\\n/g, ' ');
        assert.deepEqual(
            parse(command, (name) => `$${name}`),
            ['docker', ...result.argv],
        );
    });

    it('keeps the network off and publishes nothing when the sandbox has none, and runs its own command', () => {
        const create = sandboxPolicy({
            name: 'p',
            image: { ref: 'img:1', config: imageConfig },
            port: 3000,
            settings: { network: 'none' },
            command: ['/bin/sh', '-c', 'echo "hi there"'],
        }).create;
        const result = dockerRunCommand({
            image: create.Image,
            config: create,
            hostConfig: create.HostConfig,
            imageConfig,
        });
        assert.ok(result.argv.join(' ').includes('--network none'));
        assert.ok(!result.argv.includes('--publish'));
        assert.deepEqual(result.argv.slice(-4), ['img:1', '/bin/sh', '-c', 'echo "hi there"']);
        assert.match(result.text, /'echo "hi there"'$/);
    });
});
