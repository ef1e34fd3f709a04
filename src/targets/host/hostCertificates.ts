import { readdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { rootCertificates } from 'node:tls';
import type { IssueSink } from '../../core/project/ProjectFiles';
import { readBoundedFileSync } from '../../core/readBoundedFile';
import {
    CA_SETTING_VARS,
    type CaFile,
    extraCertificates,
    findExtraCertificates,
    LOCAL_CA_DIRS,
    SYSTEM_CA_LOCATIONS,
} from '../../core/snapshot/extraCertificates';
import type { CaptureIssue, CertificateFacts } from '../../core/snapshot/Snapshot';
import { outsideProject, runTool, type RunToolOptions } from './runTool';

/** Far above any real CA bundle (the system's is ~220 KiB); a cap so that no setting can make us read without end. */
const MAX_CA_FILE_BYTES = 16 * 1024 * 1024;

/**
 * CAs this machine trusts beyond the public roots — the corporate or proxy CA that makes `npm ci` work on
 * the laptop and fail in a container. "Beyond" means: not among the roots Node ships. A setting that points at
 * the distribution's own trust store (common: NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt) is
 * recorded but not read — its additions are exactly the files in the local CA folders, read on Linux.
 */
export async function hostCertificates(
    env: NodeJS.ProcessEnv,
    projectRoot: string,
    options: RunToolOptions,
    issues?: IssueSink,
): Promise<CertificateFacts> {
    const found: CaptureIssue[] = [];
    const { files, settings } = await hostCaFiles(env, projectRoot, options, found);
    for (const issue of found) {
        issues?.add(issue);
    }
    return { extra: extraCertificates(files, []), settings };
}

/**
 * The PEM bundle a build's dependency installs should trust, so they work behind the same TLS-intercepting
 * proxy as this machine: the public roots Node ships plus this machine's extra CAs. Served to the build as a
 * secret; it never becomes a file in the project or a layer of the image.
 */
export async function hostCaBundle(
    env: NodeJS.ProcessEnv,
    projectRoot: string,
    options: RunToolOptions,
): Promise<{ pem: string; extra: number }> {
    const { files } = await hostCaFiles(env, projectRoot, options, []);
    const extras = findExtraCertificates(files, []).map((found) => found.pem);
    return { pem: `${[...rootCertificates, ...extras].join('\n')}\n`, extra: extras.length };
}

/** Every file that makes this machine trust CAs, and the settings that point at them. */
async function hostCaFiles(
    env: NodeJS.ProcessEnv,
    projectRoot: string,
    options: RunToolOptions,
    issues: CaptureIssue[],
): Promise<{ files: CaFile[]; settings: Record<string, string> }> {
    const files: CaFile[] = [];
    const settings: Record<string, string> = {};
    for (const name of CA_SETTING_VARS) {
        const value = env[name];
        if (!value) {
            continue;
        }
        settings[name] = value;
        const locations = (name === 'SSL_CERT_DIR' ? value.split(':') : [value]).filter(
            (location) => !(process.platform === 'linux' && SYSTEM_CA_LOCATIONS.has(location.replace(/\/+$/, ''))),
        );
        files.push(...readAll(name === 'SSL_CERT_DIR' ? await filesIn(locations) : locations, name, issues));
    }
    // npm reads the project's, the user's and the global npmrc (under its prefix: /usr/etc, /usr/local/etc, /etc).
    // The user's and the global ones are the user's own choice; the project's is the cloned repository's, so
    // it and the cafile it names must stay inside the project.
    const projectNpmrc = join(projectRoot, '.npmrc');
    for (const npmrc of [
        projectNpmrc,
        join(homedir(), '.npmrc'),
        '/usr/local/etc/npmrc',
        '/usr/etc/npmrc',
        '/etc/npmrc',
    ]) {
        const inProject = npmrc === projectNpmrc;
        const text = readText(npmrc, inProject ? '.npmrc' : npmrc, inProject ? projectRoot : undefined, issues);
        const cafile = /^\s*cafile\s*=\s*(.+)$/m
            .exec(text)?.[1]
            ?.trim()
            .replace(/^"(.*)"$/, '$1');
        if (!cafile) {
            continue;
        }
        settings[`${npmrc}#cafile`] = cafile;
        if (inProject) {
            files.push(...readAll([resolve(projectRoot, cafile)], '.npmrc cafile', issues, projectRoot));
        } else if (!(process.platform === 'linux' && SYSTEM_CA_LOCATIONS.has(cafile))) {
            files.push(...readAll([cafile], '.npmrc cafile', issues));
        }
    }
    if (process.platform === 'linux') {
        for (const dir of LOCAL_CA_DIRS) {
            files.push(...readAll(await filesIn([dir]), dir, issues));
        }
    } else {
        for (const [path, text] of await systemStoreCertificates(outsideProject(options))) {
            files.push({ via: 'system certificate store', path, text });
        }
    }
    // A setting that names a missing file is already visible in `settings`; an empty read is not news.
    return { files: files.filter((file) => file.text !== ''), settings };
}

/**
 * Reads certificate files; one that cannot be read counts as empty. Synchronous on purpose: a CA folder
 * holds ~150 files of ~2 KB, read in ~4 ms this way and ~100 ms through the async thread pool.
 * `within`: the folder a project-chosen file must stay in.
 */
function readAll(paths: readonly string[], via: string, issues: CaptureIssue[], within?: string): CaFile[] {
    return paths.map((path) => ({ via, path, text: readText(path, `${path} (${via})`, within, issues) }));
}

/** Bounded (a CA bundle is a few hundred KiB), regular files only; what is refused is said, a missing file is not news. */
function readText(path: string, name: string, within: string | undefined, issues: CaptureIssue[]): string {
    const read = readBoundedFileSync(path, {
        maxBytes: MAX_CA_FILE_BYTES,
        ...(within === undefined ? {} : { within }),
    });
    switch (read.kind) {
        case 'ok':
            return read.bytes.toString('utf8');
        case 'outside':
            issues.push({
                severity: 'warning',
                message: `${name} leads outside the project (to ${read.realPath}); a project may only point at its own files, so it was not read.`,
            });
            return '';
        case 'not-a-file':
            issues.push({ severity: 'warning', message: `${name} is not a regular file; it was not read.` });
            return '';
        case 'too-large':
            issues.push({
                severity: 'warning',
                message: `${name} is larger than ${MAX_CA_FILE_BYTES / 1024 / 1024} MiB, too large for certificates; it was not read.`,
            });
            return '';
        case 'error':
            issues.push({ severity: 'info', message: `${name} cannot be read (${read.code}).` });
            return '';
        case 'missing':
            return '';
    }
}

/** Certificate files in folders and one level of subfolders (update-ca-certificates allows subfolders). */
async function filesIn(dirs: readonly string[]): Promise<string[]> {
    const files: string[] = [];
    for (const dir of dirs) {
        const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
        for (const entry of entries) {
            const path = join(dir, entry.name);
            if (entry.isDirectory()) {
                files.push(...(await filesIn([path])));
            } else if (/\.(crt|pem|cer)$/i.test(entry.name) || (entry.isSymbolicLink() && /\.\d$/.test(entry.name))) {
                files.push(path);
            }
        }
    }
    return files;
}

/** macOS: admin-added roots in the System keychain; Windows: the machine's Root store. */
async function systemStoreCertificates(options: RunToolOptions): Promise<[string, string][]> {
    if (process.platform === 'darwin') {
        const output = await runTool(
            'security',
            ['find-certificate', '-a', '-p', '/Library/Keychains/System.keychain'],
            options,
        );
        return output ? [['/Library/Keychains/System.keychain', output.stdout]] : [];
    }
    if (process.platform === 'win32') {
        const script =
            'Get-ChildItem Cert:\\LocalMachine\\Root | ForEach-Object { [Convert]::ToBase64String($_.RawData) }';
        const output = await runTool('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script], options);
        const pems = (output?.stdout ?? '')
            .split(/\r?\n/)
            .filter(Boolean)
            .map((base64) => `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----`);
        return [['Cert:\\LocalMachine\\Root', pems.join('\n')]];
    }
    return [];
}
