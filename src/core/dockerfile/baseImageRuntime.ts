import type { RuntimeName } from '../snapshot/Snapshot';
import { splitImageReference } from '../images/imageReference';

/** Official images that are a runtime, by the last component of their path. */
const RUNTIME_IMAGES: Readonly<Record<string, RuntimeName>> = {
    node: 'node',
    python: 'python',
    golang: 'go',
    ruby: 'ruby',
    openjdk: 'java',
    'eclipse-temurin': 'java',
    amazoncorretto: 'java',
};

export interface BaseImageRuntime {
    readonly runtime: RuntimeName;
    /** The version the tag names, as written: "18", "20.20.2", "3.12". */
    readonly version: string;
    readonly repository: string;
    readonly tag: string;
    /** The tag after the version: "-bookworm-slim", "-alpine3.20", "". */
    readonly variant: string;
}

/** The runtime and version a base image such as `node:18-alpine` or `python:3.12-slim` carries; undefined otherwise. */
export function baseImageRuntime(image: string): BaseImageRuntime | undefined {
    if (image.includes('$')) {
        return undefined;
    }
    const reference = splitImageReference(image);
    const runtime = RUNTIME_IMAGES[reference.path.slice(reference.path.lastIndexOf('/') + 1)];
    const match = reference.tag === undefined ? null : /^v?(\d+(?:\.\d+)*)(.*)$/.exec(reference.tag);
    if (!runtime || !match?.[1] || reference.tag === undefined) {
        return undefined;
    }
    const repository = reference.registry === undefined ? reference.path : `${reference.registry}/${reference.path}`;
    return { runtime, version: match[1], repository, tag: reference.tag, variant: match[2] ?? '' };
}

/** How far `written` (a tag's version, maybe shortened: "20") is from `actual` ("20.20.2"); undefined when it covers it. */
export function versionDistance(
    runtime: RuntimeName,
    written: string,
    actual: string,
): 'major' | 'minor' | 'patch' | undefined {
    const wanted = written.split('.');
    const have = (/^v?(\d+(?:\.\d+)*)/.exec(actual)?.[1] ?? actual).split('.');
    const levels = runtime === 'java' ? (['major'] as const) : (['major', 'minor', 'patch'] as const);
    for (const [index, level] of levels.entries()) {
        if (wanted[index] !== undefined && wanted[index] !== have[index]) {
            return level;
        }
    }
    return undefined;
}

/** The base image's libc by its tag or name: alpine images use musl. */
export function baseImageLibc(image: string): 'musl' | 'glibc' | undefined {
    if (image.includes('$')) {
        return undefined;
    }
    const reference = splitImageReference(image);
    if (
        /(^|[-_.])alpine/.test(reference.tag ?? '') ||
        reference.path === 'alpine' ||
        reference.path.endsWith('/alpine')
    ) {
        return 'musl';
    }
    return /bookworm|bullseye|buster|trixie|jammy|noble|focal|debian|ubuntu|slim/.test(
        `${reference.path}:${reference.tag ?? ''}`,
    )
        ? 'glibc'
        : undefined;
}
