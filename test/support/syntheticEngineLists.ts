import type { ContainerSummary } from '../../src/core/containers/containerRows';
import type { ImageSummary } from '../../src/core/images/imageRows';

/**
 * Image and container lists shaped like an engine's answers, for benchmarks: a tenth built by Parity (with
 * its labels), repositories with several tags, untagged leftovers; containers in every state, some
 * sandboxes, some publishing ports.
 */
export function syntheticImages(count: number, nowSeconds = Math.floor(Date.now() / 1000)): ImageSummary[] {
    return Array.from({ length: count }, (_, index) => {
        const parity = index % 10 === 0;
        const untagged = index % 17 === 0;
        const id = `sha256:${index.toString(16).padStart(8, '0')}${'0'.repeat(56)}`;
        return {
            Id: id,
            RepoTags: untagged
                ? ['<none>:<none>']
                : [`repo-${index % 60}:${index}`, ...(index % 3 === 0 ? [`repo-${index % 60}:latest-${index}`] : [])],
            Size: 1_000_000 + index * 12_345,
            Created: nowSeconds - index * 3600,
            Labels: parity
                ? {
                      'parity.managed': 'true',
                      'parity.plan': `plan${index}`,
                      'parity.plan.version': '1',
                      'parity.ecosystem': 'node',
                      'parity.snapshot': `/work/app-${index}@2026-11-28T01:53:06.569Z`,
                      'org.opencontainers.image.title': `app-${index}`,
                  }
                : { 'org.opencontainers.image.version': '1.0' },
        };
    });
}

export function syntheticContainers(count: number, nowSeconds = Math.floor(Date.now() / 1000)): ContainerSummary[] {
    const states = ['running', 'exited', 'paused', 'restarting', 'created', 'exited'];
    return Array.from({ length: count }, (_, index) => {
        const state = states[index % states.length] ?? 'running';
        return {
            Id: `${index.toString(16).padStart(12, '0')}${'a'.repeat(52)}`,
            Names: [`/container-${index}`],
            Image: `repo-${index % 60}:${index}`,
            State: state,
            Status: state === 'exited' ? `Exited (${index % 3 === 0 ? 0 : 137}) ${index} minutes ago` : 'Up 3 minutes',
            Created: nowSeconds - index * 60,
            Ports:
                state === 'running' && index % 4 === 0
                    ? [
                          { IP: '0.0.0.0', PrivatePort: 3000, PublicPort: 30000 + index, Type: 'tcp' },
                          { IP: '::', PrivatePort: 3000, PublicPort: 30000 + index, Type: 'tcp' },
                      ]
                    : [],
            Labels:
                index % 8 === 0
                    ? {
                          'parity.managed': 'true',
                          'parity.purpose': 'sandbox',
                          'parity.project': `app-${index}`,
                          'parity.image': `app-${index}:parity`,
                          'parity.port': '3000',
                      }
                    : {},
        };
    });
}
