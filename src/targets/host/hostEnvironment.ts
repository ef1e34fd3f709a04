import { readFile, readlink } from 'node:fs/promises';
import { userInfo } from 'node:os';
import type { EnvHashKey } from '../../core/snapshot/EnvHashKey';
import { hashEnvValue } from '../../core/snapshot/hashEnvValue';
import { isSecretName } from '../../core/snapshot/isSecretName';
import { localeFacts } from '../../core/snapshot/localeFacts';
import type { EnvVarFact, LocaleFacts, TimezoneFacts, UserFacts } from '../../core/snapshot/Snapshot';

/** Variables the editor or this extension's host adds; they say nothing about the app's environment. */
const TOOLING_ENV =
    /^(VSCODE_|ELECTRON_|CHROME_|APPLICATION_INSIGHTS_|PARITY_E2E)|^(ORIGINAL_XDG_CURRENT_DESKTOP|GIT_ASKPASS|_)$/;

/** Names and keyed hashes of the process environment's values — never a value. */
export function hostEnv(env: NodeJS.ProcessEnv, key: EnvHashKey): Record<string, EnvVarFact> {
    const result: Record<string, EnvVarFact> = {};
    for (const name of Object.keys(env).sort()) {
        const value = env[name];
        if (value === undefined || TOOLING_ENV.test(name)) {
            continue;
        }
        result[name] = { sha256: hashEnvValue(key, name, value), secret: isSecretName(name), source: 'process' };
    }
    return result;
}

export function hostLocale(env: NodeJS.ProcessEnv): LocaleFacts {
    return localeFacts(env);
}

export async function hostTimezone(env: NodeJS.ProcessEnv, now = new Date()): Promise<TimezoneFacts> {
    const tzVar = env.TZ === undefined || env.TZ === '' ? null : env.TZ;
    const name = tzVar?.replace(/^:/, '') || (await systemZone()) || intlZone() || null;
    return { name, tzVar, offsetMinutes: -now.getTimezoneOffset() };
}

/** The zone /etc/localtime links to (Linux, macOS): cheap, where Intl's first use loads ICU data (~30 ms). */
async function systemZone(): Promise<string | undefined> {
    if (process.platform === 'win32') {
        return undefined;
    }
    const target = await readlink('/etc/localtime').catch(() => undefined);
    return target ? /zoneinfo\/(.+)$/.exec(target)?.[1] : undefined;
}

function intlZone(): string | undefined {
    try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
    } catch {
        return undefined;
    }
}

export function hostUser(): UserFacts | null {
    try {
        const info = userInfo();
        return {
            uid: info.uid >= 0 ? info.uid : null,
            gid: info.gid >= 0 ? info.gid : null,
            name: info.username || null,
            home: info.homedir || null,
        };
    } catch {
        return null;
    }
}

/**
 * The file-creation mask as octal text; Windows has none. Linux reports it in /proc without changing it;
 * elsewhere process.umask() is read the only way Node offers.
 */
export async function hostUmask(): Promise<string | null> {
    if (process.platform === 'win32') {
        return null;
    }
    const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
    const fromProc = /^Umask:\s*([0-7]+)$/m.exec(status)?.[1];
    return (fromProc ?? process.umask().toString(8)).padStart(4, '0');
}
