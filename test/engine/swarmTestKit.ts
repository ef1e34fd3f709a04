import { cloudCli } from './remoteTestbed';
import { waitFor } from '../support/waitFor';

/** Every service and container a swarm test makes carries this label, so clean-up finds exactly those. */
export const SWARM_TEST_LABEL = 'parity.test=swarm-target';
export const WEB_IMAGE = 'parity-testbed/web:1';

/** A service of our own on the test bed's swarm (never parity-web): local image, no registry lookup. */
export function createService(name: string, args: readonly string[], command: readonly string[] = []): void {
    cloudCli([
        'service',
        'create',
        '--detach',
        '--quiet',
        '--name',
        name,
        '--label',
        SWARM_TEST_LABEL,
        '--container-label',
        SWARM_TEST_LABEL,
        '--no-resolve-image',
        ...args,
        WEB_IMAGE,
        ...command,
    ]);
}

/** Waits until `count` tasks of the service run (desired and current state). */
export async function waitForRunning(name: string, count: number, timeoutMs = 60_000): Promise<void> {
    await waitFor(`${count} running tasks of service ${name}`, () => runningTaskIds(name).length === count, timeoutMs);
}

function runningTaskIds(name: string): string[] {
    return cloudCli([
        'service',
        'ps',
        name,
        '--quiet',
        '--filter',
        'desired-state=running',
        '--format',
        '{{.ID}} {{.CurrentState}}',
    ])
        .split('\n')
        .filter((line) => / Running /.test(line))
        .map((line) => line.split(' ')[0] ?? '');
}

/** The container of a service's running task in `slot`, by the labels Swarm gives it. */
export function taskContainer(name: string, slot: number): { container: string; taskId: string } {
    const lines = cloudCli([
        'ps',
        '--filter',
        `label=com.docker.swarm.service.name=${name}`,
        '--format',
        '{{.ID}} {{.Label "com.docker.swarm.task.name"}} {{.Label "com.docker.swarm.task.id"}}',
    ]).split('\n');
    const line = lines.find((entry) => entry.split(' ')[1]?.startsWith(`${name}.${slot}.`));
    const [container = '', , taskId = ''] = line?.split(' ') ?? [];
    if (!container) {
        throw new Error(`No running container for task ${name}.${slot} among:\n${lines.join('\n')}`);
    }
    return { container, taskId };
}

/** Removes every service these tests made (by label), whatever state it is in; Swarm removes their containers. */
export function removeSwarmTestLeftovers(): void {
    const services = cloudCli(['service', 'ls', '--quiet', '--filter', `label=${SWARM_TEST_LABEL}`])
        .split('\n')
        .filter(Boolean);
    if (services.length > 0) {
        cloudCli(['service', 'rm', ...services]);
    }
}

/** Waits until Swarm has removed the containers of the removed services too: nothing is left behind. */
export async function waitForNoLeftovers(): Promise<void> {
    await waitFor(
        "the test services' containers gone",
        () => cloudCli(['ps', '--all', '--quiet', '--filter', `label=${SWARM_TEST_LABEL}`]) === '',
        60_000,
    );
}
