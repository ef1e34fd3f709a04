/** Docker's architecture names (the `linux/amd64` part), from Node's `process.arch` or `uname -m`. */
const ARCH: Readonly<Record<string, string>> = {
    x64: 'amd64',
    x86_64: 'amd64',
    amd64: 'amd64',
    arm64: 'arm64',
    aarch64: 'arm64',
    arm: 'arm',
    armv7l: 'arm',
    armv6l: 'arm',
    ia32: '386',
    i386: '386',
    i686: '386',
    ppc64: 'ppc64le',
    ppc64le: 'ppc64le',
    s390x: 's390x',
    riscv64: 'riscv64',
    mips64el: 'mips64le',
};

export function dockerArch(name: string): string {
    return ARCH[name] ?? name;
}
