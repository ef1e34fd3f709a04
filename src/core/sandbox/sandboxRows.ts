import { IMAGE_LABEL, OWNER_LABEL, PORT_LABEL, PROJECT_LABEL } from './sandboxLabels';

/** The fields of an engine's container list entry (`GET /containers/json`) a sandbox row shows. */
export interface ContainerSummary {
    readonly Id: string;
    readonly Names?: readonly string[] | null;
    readonly Image: string;
    readonly ImageID?: string;
    readonly State: string;
    readonly Status: string;
    /** Seconds since the epoch. */
    readonly Created: number;
    readonly Labels?: Readonly<Record<string, string>> | null;
    readonly Ports?:
        | readonly {
              readonly IP?: string;
              readonly PrivatePort: number;
              readonly PublicPort?: number;
              readonly Type: string;
          }[]
        | null;
}

export interface SandboxRow {
    readonly id: string;
    readonly name: string;
    /** The reference the sandbox was started from (its label), else what the engine lists. */
    readonly image: string;
    /** created, running, exited … */
    readonly state: string;
    /** The engine's words, e.g. "Up 3 minutes". */
    readonly status: string;
    /** As the Docker CLI prints them: `127.0.0.1:49153->3000/tcp`. */
    readonly ports: readonly string[];
    /** The app's published address on this machine, when it has one. */
    readonly url: string | null;
    /** Seconds since the epoch. */
    readonly created: number;
    readonly project: string | null;
    /** The `parity.owner` label: the process that started it (see sandboxOwner). */
    readonly owner: string | null;
}

/** One row per sandbox, newest first. */
export function sandboxRows(containers: readonly ContainerSummary[]): SandboxRow[] {
    return containers
        .map((container): SandboxRow => {
            const labels = container.Labels ?? {};
            const published = (container.Ports ?? []).filter((port) => port.PublicPort !== undefined);
            const appPort = Number(labels[PORT_LABEL]);
            const app = published.find((port) => port.PrivatePort === appPort) ?? published[0];
            return {
                id: container.Id,
                name: (container.Names?.[0] ?? container.Id.slice(0, 12)).replace(/^\//, ''),
                image: labels[IMAGE_LABEL] ?? container.Image,
                state: container.State,
                status: container.Status,
                ports: published.map(
                    (port) =>
                        `${port.IP ?? ''}${port.IP ? ':' : ''}${port.PublicPort}->${port.PrivatePort}/${port.Type}`,
                ),
                url:
                    app && container.State === 'running'
                        ? `http://${app.IP && app.IP !== '0.0.0.0' ? app.IP : '127.0.0.1'}:${app.PublicPort}`
                        : null,
                created: container.Created,
                project: labels[PROJECT_LABEL] ?? null,
                owner: labels[OWNER_LABEL] ?? null,
            };
        })
        .sort((a, b) => b.created - a.created);
}
