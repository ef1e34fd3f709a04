import type Docker from 'dockerode';
import type { SwarmServiceSummary } from './swarmTypes';

/** A service of `GET /services` in the words a picker uses: its name, image (digest dropped) and replicas. */
export function serviceSummary(service: Docker.Service): SwarmServiceSummary {
    const spec = service.Spec;
    const image =
        spec?.TaskTemplate && 'ContainerSpec' in spec.TaskTemplate
            ? (spec.TaskTemplate.ContainerSpec?.Image ?? '')
            : '';
    const replicas = spec?.Mode?.Replicated?.Replicas;
    return {
        name: spec?.Name ?? service.ID,
        image: image.replace(/@sha256:[0-9a-f]+$/, ''),
        ...(replicas === undefined ? {} : { replicas }),
    };
}
