import type { SystemPackages } from '../../core/snapshot/Snapshot';
import { outsideProject, runTool, type RunToolOptions } from './runTool';

/** Installed OS packages on Linux (dpkg, apk or rpm — whichever answers); null elsewhere. */
export async function hostSystemPackages(projectOptions: RunToolOptions): Promise<SystemPackages | null> {
    if (process.platform !== 'linux') {
        return null;
    }
    const options = outsideProject(projectOptions);
    const dpkg = await runTool('dpkg-query', ['-W', '-f', '${Package}\t${Version}\n'], options);
    if (dpkg?.code === 0) {
        return { manager: 'dpkg', packages: tabbed(dpkg.stdout) };
    }
    const apk = await runTool('apk', ['info', '-v'], options);
    if (apk?.code === 0) {
        const packages: Record<string, string> = {};
        for (const line of apk.stdout.split('\n')) {
            const match = /^(.+)-(\d[^-]*-r\d+)$/.exec(line.trim());
            if (match?.[1] && match[2]) {
                packages[match[1]] = match[2];
            }
        }
        return { manager: 'apk', packages };
    }
    const rpm = await runTool('rpm', ['-qa', '--qf', '%{NAME}\t%{VERSION}-%{RELEASE}\n'], options);
    return rpm?.code === 0 ? { manager: 'rpm', packages: tabbed(rpm.stdout) } : null;
}

function tabbed(text: string): Record<string, string> {
    const packages: Record<string, string> = {};
    for (const line of text.split('\n')) {
        const [name, version] = line.split('\t');
        if (name && version) {
            packages[name] = version;
        }
    }
    return packages;
}
