import type { RuntimeName } from '../snapshot/Snapshot';
import type { OsChoice } from './chooseOs';
import type { BaseImageChoice, PlanDecision } from './Plan';

export interface ImageOptions {
    /** Prefix for every FROM, e.g. "mirror.local:5000/library/". */
    readonly registry?: string;
    /** Replaces the runtime image, verbatim. */
    readonly override?: string;
}

/** Official image names per runtime; their tag conventions differ (node:X-bookworm-slim, python:X-slim-bookworm, golang:X-bookworm, ruby:X-slim-bookworm). */
const RUNTIME_IMAGES: Partial<Record<RuntimeName, (version: string, os: OsChoice) => string>> = {
    node: (version, os) => (os.libc === 'musl' ? `node:${version}-${os.distro}` : `node:${version}-${os.distro}-slim`),
    python: (version, os) =>
        os.libc === 'musl' ? `python:${version}-${os.distro}` : `python:${version}-slim-${os.distro}`,
    go: (version, os) => (os.libc === 'musl' ? `golang:${version}-${os.distro}` : `golang:${version}-${os.distro}`),
    ruby: (version, os) => (os.libc === 'musl' ? `ruby:${version}-${os.distro}` : `ruby:${version}-slim-${os.distro}`),
};

export function hasRuntimeImage(name: RuntimeName): boolean {
    return RUNTIME_IMAGES[name] !== undefined;
}

/** The official image that carries a runtime at a version on the chosen OS; the override replaces it (and says so). */
export function runtimeImage(
    name: RuntimeName,
    version: PlanDecision<string>,
    os: OsChoice,
    options: ImageOptions,
): BaseImageChoice {
    const tag = RUNTIME_IMAGES[name];
    const official = tag ? prefixed(tag(version.value, os), options.registry) : osImageRef(os, options.registry);
    const runtime = { name, version };
    const osFacts = { distro: os.distro, libc: os.libc };
    if (options.override) {
        return {
            image: options.override,
            why: `You replaced the runtime image with ${options.override} (override), used as written: Parity would have used ${official}. Make sure it carries ${name} ${version.value} on ${os.libc}.`,
            runtime,
            os: osFacts,
        };
    }
    const mirror = options.registry ? ` through the mirror ${options.registry}` : '';
    return {
        image: official,
        why: `The official ${name} ${version.value} image on ${describeOs(os)}${mirror}. ${os.why}`,
        runtime,
        os: osFacts,
    };
}

/** A plain OS image of the same family and release: debian:bookworm-slim, alpine:3.20. */
export function osImage(os: OsChoice, options: ImageOptions, purpose: string): BaseImageChoice {
    const image = osImageRef(os, options.registry);
    const mirror = options.registry ? ` through the mirror ${options.registry}` : '';
    return {
        image,
        why: `${purpose}; ${image}${mirror} keeps this machine's OS family. ${os.why}`,
        runtime: null,
        os: { distro: os.distro, libc: os.libc },
    };
}

function osImageRef(os: OsChoice, registry: string | undefined): string {
    return prefixed(os.libc === 'musl' ? `alpine:${os.alpineRelease ?? '3'}` : `debian:${os.distro}-slim`, registry);
}

export function prefixed(image: string, registry: string | undefined): string {
    if (!registry) {
        return image;
    }
    return `${registry.endsWith('/') ? registry : `${registry}/`}${image}`;
}

function describeOs(os: OsChoice): string {
    return os.libc === 'musl'
        ? `Alpine${os.alpineRelease ? ` ${os.alpineRelease}` : ''} (musl)`
        : `Debian ${os.distro} (glibc)`;
}
