import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { EngineSsh } from '../../core/selectEngine';
import {
    hostKeyFingerprint,
    keyTypeOfBlob,
    knownHostsLine,
    parseKnownHosts,
    verifyHostKey,
} from '../../core/ssh/knownHosts';
import type { HostKeyProblem } from './HostKeyProblem';

/** What ssh2's Client.connect takes from us (docker-modem adds host, port and username). */
export interface Ssh2Options {
    readonly agent?: string;
    readonly privateKey?: Buffer;
    readonly hostVerifier: (key: Buffer) => boolean;
    /** ssh2 keeps a handshake that never completes open for this long (its default, 20 s, would hold the process). */
    readonly readyTimeout?: number;
}

/** Where the connection's files are, for messages. */
export interface SshFiles {
    readonly identityFile?: string;
    readonly knownHostsFiles: readonly string[];
}

const DEFAULT_IDENTITIES = ['id_ed25519', 'id_ecdsa', 'id_rsa'];

export function sshFiles(ssh: EngineSsh | undefined): SshFiles {
    const home = homedir();
    const identityFile =
        ssh?.identityFile ??
        DEFAULT_IDENTITIES.map((name) => join(home, '.ssh', name)).find((file) => existsSync(file));
    const knownHostsFiles = ssh?.knownHostsFile
        ? [ssh.knownHostsFile]
        : [join(home, '.ssh', 'known_hosts'), '/etc/ssh/ssh_known_hosts'];
    return { ...(identityFile ? { identityFile } : {}), knownHostsFiles };
}

/**
 * ssh2 options for an ssh:// engine: the agent when SSH_AUTH_SOCK points at one (never required), the key
 * file (given, or the user's default key), and a host-key check against known_hosts like OpenSSH's
 * StrictHostKeyChecking=yes — relaxed to accept-new only when `acceptUnknownHostKey` says so. A refused
 * key is reported through `onRejected` (ssh2 itself only says "Host denied").
 */
export function sshOptions(
    host: string,
    port: number,
    ssh: EngineSsh | undefined,
    env: Readonly<Record<string, string | undefined>>,
    onRejected: (problem: HostKeyProblem) => void,
    readyTimeoutMs?: number,
): Ssh2Options {
    const files = sshFiles(ssh);
    if (ssh?.identityFile && !existsSync(ssh.identityFile)) {
        throw new Error(`the ssh key ${ssh.identityFile} does not exist`);
    }
    const agentSocket = env.SSH_AUTH_SOCK?.trim();
    const agent = agentSocket && existsSync(agentSocket) ? agentSocket : undefined;
    const privateKey = files.identityFile ? readFileSync(files.identityFile) : undefined;
    const hostVerifier = (blob: Buffer): boolean => {
        const keyType = keyTypeOfBlob(blob);
        const keyBase64 = blob.toString('base64');
        const lines = files.knownHostsFiles.flatMap((file) =>
            existsSync(file) ? parseKnownHosts(readFileSync(file, 'utf8')) : [],
        );
        const verdict = verifyHostKey(lines, host, port, keyType, keyBase64);
        if (verdict === 'trusted' || (verdict === 'unknown' && ssh?.acceptUnknownHostKey === true)) {
            return true;
        }
        onRejected({
            host,
            port,
            verdict,
            keyType,
            fingerprint: hostKeyFingerprint(keyBase64),
            knownHostsFile: files.knownHostsFiles[0] ?? join(homedir(), '.ssh', 'known_hosts'),
            knownHostsLine: knownHostsLine(host, port, keyType, keyBase64),
        });
        return false;
    };
    return {
        ...(agent ? { agent } : {}),
        ...(privateKey ? { privateKey } : {}),
        hostVerifier,
        ...(readyTimeoutMs ? { readyTimeout: readyTimeoutMs } : {}),
    };
}
