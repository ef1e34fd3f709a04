/**
 * An image reference split as the distribution reference grammar defines it
 * (github.com/distribution/reference): `[registry/]path[:tag][@digest]`.
 */
export interface ImageReference {
    /** host[:port], when the first component names one (has a dot or a port, or is localhost). */
    readonly registry?: string;
    /** The repository path: lowercase components separated by `/`. */
    readonly path: string;
    readonly tag?: string;
    readonly digest?: string;
}

/** Why a reference is not valid, said so that a person can fix it. */
export class ImageReferenceError extends Error {
    constructor(
        readonly reference: string,
        reason: string,
    ) {
        super(`"${reference}" is not a valid image name: ${reason}`);
        this.name = 'ImageReferenceError';
    }
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const NAME_MAX = 255;

/**
 * Splits a reference into its parts without judging them — for references as written in Dockerfiles and
 * printed by engines, which may hold `${ARG}`s or short digests. The one place Parity splits image names:
 * a colon after the last slash starts the tag, one before it belongs to a registry's port; the first path
 * component is a registry when it has a dot or a port, or is localhost.
 */
export function splitImageReference(text: string): ImageReference {
    const at = text.indexOf('@');
    const digest = at === -1 ? undefined : text.slice(at + 1);
    const beforeDigest = at === -1 ? text : text.slice(0, at);
    const lastColon = beforeDigest.lastIndexOf(':');
    const hasTag = lastColon > beforeDigest.lastIndexOf('/');
    const name = hasTag ? beforeDigest.slice(0, lastColon) : beforeDigest;
    const tag = hasTag ? beforeDigest.slice(lastColon + 1) : undefined;
    const components = name.split('/');
    const first = components[0] ?? '';
    const isRegistry =
        components.length > 1 &&
        (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
    return {
        ...(isRegistry ? { registry: first } : {}),
        path: (isRegistry ? components.slice(1) : components).join('/'),
        ...(tag === undefined ? {} : { tag }),
        ...(digest === undefined ? {} : { digest }),
    };
}

/**
 * A reference in the form BuildKit prints it: registry host (docker.io by default), `library/` for
 * official images, and `:latest` when neither tag nor digest is given.
 */
export function canonicalImageReference(text: string): string {
    const reference = splitImageReference(text.trim());
    const registry =
        reference.registry === undefined || reference.registry === 'index.docker.io' ? 'docker.io' : reference.registry;
    const path =
        registry === 'docker.io' && !reference.path.includes('/') ? `library/${reference.path}` : reference.path;
    const version =
        reference.digest !== undefined
            ? `${reference.tag === undefined ? '' : `:${reference.tag}`}@${reference.digest}`
            : `:${reference.tag ?? 'latest'}`;
    return `${registry}/${path}${version}`;
}

/** The repository (registry and path) as written, without tag or digest: `registry:5000/team/app`. */
export function repositoryOf(reference: ImageReference): string {
    return reference.registry === undefined ? reference.path : `${reference.registry}/${reference.path}`;
}

/** Parses and checks a reference the engine would take; throws ImageReferenceError naming the first problem. */
export function parseImageReference(text: string): ImageReference {
    const fail = (reason: string): never => {
        throw new ImageReferenceError(text, reason);
    };
    if (text === '') {
        fail('it is empty');
    }
    const { registry, path: joinedPath, tag, digest } = splitImageReference(text);
    if (digest !== undefined && !DIGEST.test(digest)) {
        fail(`the digest "${digest}" is not ALGORITHM:HEX (e.g. sha256: and 64 hex digits)`);
    }
    if (tag !== undefined && !TAG.test(tag)) {
        fail(`the tag "${tag}" may hold only letters, digits, _ . - (at most 128, not starting with . or -)`);
    }
    const name = registry === undefined ? joinedPath : `${registry}/${joinedPath}`;
    if (name === '') {
        fail('the name before the tag is empty');
    }
    if (name.length > NAME_MAX) {
        fail(`the name is longer than ${NAME_MAX} characters`);
    }
    if (registry !== undefined) {
        checkRegistry(registry, fail);
    }
    for (const component of joinedPath.split('/')) {
        if (!PATH_COMPONENT.test(component)) {
            fail(
                component === ''
                    ? 'it has an empty path component (two slashes, or one at an end)'
                    : `"${component}" must be lowercase letters and digits, separated by one . or _, two _, or dashes`,
            );
        }
    }
    return {
        ...(registry === undefined ? {} : { registry }),
        path: joinedPath,
        ...(tag === undefined ? {} : { tag }),
        ...(digest === undefined ? {} : { digest }),
    };
}

function checkRegistry(registry: string, fail: (reason: string) => never): void {
    if (/^\[[0-9a-fA-F:.]+\](?::\d+)?$/.test(registry)) {
        return;
    }
    const [host = '', port, ...extra] = registry.split(':');
    if (extra.length > 0 || (port !== undefined && !/^\d+$/.test(port))) {
        fail(`the registry "${registry}" is not host[:port]`);
    }
    if (!host.split('.').every((component) => DOMAIN_COMPONENT.test(component))) {
        fail(`the registry host "${host}" is not a valid host name`);
    }
}
