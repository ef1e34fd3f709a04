import type { RuntimeName } from '../snapshot/Snapshot';

/** How each runtime prints its version: `v20.20.2`, `Python 3.12.1`, `go1.19.8`, `17.0.9`, `ruby 3.2.2p53`. */
const RUNTIME_VERSION: Readonly<Record<RuntimeName, RegExp>> = {
    node: /^v?(\d+\.\d+\.\d+(?:-[\w.]+)?)/,
    python: /Python\s+(\d+\.\d+(?:\.\d+)?(?:(?:a|b|rc)\d+)?\+?)/i,
    go: /go(\d+\.\d+(?:\.\d+)?(?:(?:rc|beta)\d+)?)/,
    java: /(?:"|^)(\d+(?:[._]\d+)*(?:[-+][\w.]+)?)/,
    ruby: /ruby\s+(\d+\.\d+\.\d+)/,
};

/** The version in what a runtime printed, or null when it printed something else (an error, a shim's message). */
export function runtimeVersion(name: RuntimeName, text: string): string | null {
    return RUNTIME_VERSION[name].exec(text.trim())?.[1] ?? null;
}

/** A package manager's `--version` answer: `10.8.2`, `pip 23.2.1 from …`, `uv 0.4.0`, `Bundler version 2.4.19`. */
export function toolVersion(text: string): string | null {
    return /(?:^|[\s(v])(\d+\.\d+(?:\.\d+)?(?:[-+][\w.]+)?)/.exec(text.trim())?.[1] ?? null;
}

/** The C library's version in `glibc 2.36`, `ldd (Debian GLIBC 2.36-9+deb12u4) 2.36` or glibc's own banner. */
export function libcVersion(text: string): string | null {
    const all = [...text.matchAll(/\d+\.\d+(?:\.\d+)?/g)];
    return all.at(-1)?.[0] ?? null;
}
