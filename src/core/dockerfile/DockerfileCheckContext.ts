import type { ReportFinding } from '../diff/DiffReport';
import type { Snapshot } from '../snapshot/Snapshot';
import type { DockerfileModel } from './DockerfileModel';

/** Everything a Dockerfile check may look at; every check is a pure function of it. */
export interface DockerfileCheckContext {
    readonly text: string;
    readonly model: DockerfileModel;
    /** The Dockerfile's path relative to the project root, forward slashes (how findings name files). */
    readonly path: string;
    /** The developer's environment, when a snapshot has been captured. */
    readonly local?: Snapshot;
    /** The chosen target's environment, when one has been compared. */
    readonly target?: Snapshot;
    /** The last diff's findings. */
    readonly findings?: readonly ReportFinding[];
    /** The text of `.dockerignore` beside the Dockerfile: null when there is none, undefined when not looked at. */
    readonly dockerignore?: string | null | undefined;
}
