// The machine a benchmark report was measured on: what a reader needs to compare two reports.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';

export interface MachineDescription {
    readonly cpu: string;
    readonly cores: number;
    readonly memoryGiB: number;
    readonly os: string;
    readonly kernel: string;
    readonly node: string;
    readonly dockerEngine: string;
    readonly storageDriver: string;
    readonly date: string;
    readonly commit: string;
    readonly loadAverage: string;
}

function quiet(command: string, args: readonly string[], cwd?: string): string {
    try {
        return execFileSync(command, [...args], {
            cwd,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
            env: { ...process.env, DOCKER_HOST: '' },
        }).trim();
    } catch {
        return 'unknown';
    }
}

function osName(): string {
    try {
        return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? process.platform;
    } catch {
        return process.platform;
    }
}

export function loadAverage(): string {
    return loadavg()
        .map((value) => value.toFixed(2))
        .join(' ');
}

export function describeMachine(repo: string): MachineDescription {
    const commit = quiet('git', ['rev-parse', '--short=12', 'HEAD'], repo);
    const dirty = quiet('git', ['status', '--porcelain', '--untracked-files=no'], repo) !== '';
    return {
        cpu: cpus()[0]?.model.trim() ?? 'unknown',
        cores: cpus().length,
        memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
        os: osName(),
        kernel: release(),
        node: process.version,
        dockerEngine: quiet('docker', ['version', '--format', '{{.Server.Version}}']),
        storageDriver: quiet('docker', ['info', '--format', '{{.Driver}}']),
        date: new Date().toISOString(),
        commit: dirty ? `${commit} (with uncommitted changes)` : commit,
        loadAverage: loadAverage(),
    };
}
