import { compareNames } from './compareNames';

/** What Parity's own labels on an image say about where it came from (see src/pipeline/buildProject.ts). */
export interface ParityProvenance {
    /** The snapshot the plan was made from: the folder it was taken of (its image name, `<folder>-<hash>`) and when. */
    readonly snapshot?: { readonly source: string; readonly capturedAt: string };
    /** Hash of the plan the recipe was rendered from. */
    readonly plan?: string;
    readonly planVersion?: string;
    readonly ecosystem?: string;
    /** Hash of the Dockerfile that was built. */
    readonly dockerfile?: string;
    /**
     * When Parity built it (the `org.opencontainers.image.created` label its builds set), as epoch ms — not the
     * image's own Created, which a cached rebuild keeps from its first build.
     */
    readonly builtAt?: number;
}

export function parityProvenance(labels: Readonly<Record<string, string>>): ParityProvenance {
    const snapshot = labels['parity.snapshot'];
    // `${name}@${capturedAt}`: older images carry a path there, which may itself hold an @; the timestamp never does.
    const at = snapshot?.lastIndexOf('@') ?? -1;
    // Only on an image Parity built: anyone's image may carry the OCI label, and then it says nothing about Parity.
    const built =
        labels['parity.managed'] === 'true' ? Date.parse(labels['org.opencontainers.image.created'] ?? '') : Number.NaN;
    return {
        ...(snapshot !== undefined
            ? {
                  snapshot:
                      at > 0
                          ? { source: snapshot.slice(0, at), capturedAt: snapshot.slice(at + 1) }
                          : { source: snapshot, capturedAt: '' },
              }
            : {}),
        ...(labels['parity.plan'] !== undefined ? { plan: labels['parity.plan'] } : {}),
        ...(labels['parity.plan.version'] !== undefined ? { planVersion: labels['parity.plan.version'] } : {}),
        ...(labels['parity.ecosystem'] !== undefined ? { ecosystem: labels['parity.ecosystem'] } : {}),
        ...(labels['parity.dockerfile.sha256'] !== undefined ? { dockerfile: labels['parity.dockerfile.sha256'] } : {}),
        ...(Number.isFinite(built) ? { builtAt: built } : {}),
    };
}

/** Labels split into Parity's (`parity.*`, shown first and highlighted) and everyone else's, each sorted by key. */
export function partitionLabels(labels: Readonly<Record<string, string>>): {
    parity: [string, string][];
    other: [string, string][];
} {
    const entries = Object.entries(labels).sort(([a], [b]) => compareNames(a, b));
    return {
        parity: entries.filter(([key]) => key.startsWith('parity.')),
        other: entries.filter(([key]) => !key.startsWith('parity.')),
    };
}
