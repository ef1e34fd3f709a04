import type { PlatformFacts } from '../snapshot/Snapshot';

/** The OS family, release and libc an image should have, kept from the machine the snapshot describes. */
export interface OsChoice {
    /** A Debian codename ("bookworm") or an Alpine release ("alpine3.20", or "alpine" when the release is unknown). */
    readonly distro: string;
    readonly libc: 'glibc' | 'musl';
    /** The Alpine release ("3.20") for alpine:<release> images; null on Debian. */
    readonly alpineRelease: string | null;
    readonly why: string;
}

const DEBIAN_CODENAMES: Readonly<Record<string, string>> = { '11': 'bullseye', '12': 'bookworm', '13': 'trixie' };
const DEFAULT_CODENAME = 'bookworm';

/**
 * Debian-based images for glibc machines (the release of a Debian host, else bookworm — the default of the
 * official images), Alpine for musl ones: a native module or a cgo binary built against one libc does not
 * load on the other, so the libc is never switched silently.
 */
export function chooseOs(platform: PlatformFacts): OsChoice {
    const distro = platform.distro;
    const here =
        distro?.prettyName ??
        (distro ? `${distro.id}${distro.versionId ? ` ${distro.versionId}` : ''}` : osName(platform.os));
    if (platform.libc.family === 'musl' || distro?.id === 'alpine') {
        const release = distro?.id === 'alpine' ? (/^(\d+\.\d+)/.exec(distro.versionId ?? '')?.[1] ?? null) : null;
        return {
            distro: release ? `alpine${release}` : 'alpine',
            libc: 'musl',
            alpineRelease: release,
            why: `${here} uses musl libc, so the image is Alpine${release ? ` ${release}` : ''} too: native modules and binaries built for musl do not run on glibc, and the other way round.`,
        };
    }
    const codename =
        distro?.id === 'debian' ? DEBIAN_CODENAMES[(distro.versionId ?? '').split('.')[0] ?? ''] : undefined;
    if (codename) {
        return {
            distro: codename,
            libc: 'glibc',
            alpineRelease: null,
            why: `${here} runs here, so the image uses Debian ${codename} too (same glibc family and release).`,
        };
    }
    const known =
        platform.libc.family === 'glibc'
            ? `${here} uses glibc`
            : `${here} is not a Linux distribution with an official image variant`;
    return {
        distro: DEFAULT_CODENAME,
        libc: 'glibc',
        alpineRelease: null,
        why: `${known}; the image uses Debian ${DEFAULT_CODENAME}, the glibc release the official images are built on.`,
    };
}

function osName(os: string): string {
    return os === 'darwin' ? 'macOS' : os === 'win32' ? 'Windows' : os === 'linux' ? 'This Linux machine' : os;
}
