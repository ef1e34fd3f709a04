import { dockerCli } from './dockerCli';

/**
 * What the Images/Containers view tests create carries these labels: Parity's test labels, plus one of
 * their own so the clean-up never touches what another suite (sharing the engine) has running.
 */
export const VIEWS_TEST_LABELS = ['parity.managed=true', 'parity.purpose=test', 'parity.test=views'] as const;

const labelArgs = VIEWS_TEST_LABELS.flatMap((label) => ['--label', label]);

/** A shell that exits at once on SIGTERM, so Stop takes milliseconds instead of the 10 s grace period. */
export const IDLE_COMMAND = ['sh', '-c', 'trap "exit 0" TERM; echo ready; sleep 3600 & wait'];

/** Starts a labelled busybox container that idles until stopped; returns its ID. */
export function runTestContainer(
    name: string,
    extraArgs: readonly string[] = [],
    command: readonly string[] = IDLE_COMMAND,
): string {
    return dockerCli(['run', '-d', '--name', name, ...labelArgs, ...extraArgs, 'busybox', ...command]);
}

/** A labelled image made from busybox (no build needed): `docker commit` of a created container. */
export function makeTestImage(reference: string): string {
    const container = dockerCli(['create', ...labelArgs, 'busybox', 'true']);
    try {
        return dockerCli([
            'commit',
            ...VIEWS_TEST_LABELS.flatMap((label) => ['--change', `LABEL ${label}`]),
            container,
            reference,
        ]);
    } finally {
        dockerCli(['rm', '-f', container]);
    }
}

export function containerState(nameOrId: string): string | undefined {
    try {
        return dockerCli(['inspect', '--format', '{{.State.Status}}', nameOrId]);
    } catch {
        return undefined;
    }
}

/** Removes every container and image the views tests made (by their own label), whatever state they are in. */
export function removeViewsTestResources(): void {
    const containers = dockerCli(['ps', '-aq', '--filter', 'label=parity.test=views']).split('\n').filter(Boolean);
    if (containers.length > 0) {
        dockerCli(['rm', '-f', ...containers]);
    }
    const images = [
        ...new Set(dockerCli(['images', '-q', '--filter', 'label=parity.test=views']).split('\n').filter(Boolean)),
    ];
    if (images.length > 0) {
        dockerCli(['rmi', '-f', ...images]);
    }
}
