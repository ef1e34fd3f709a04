import type { BuildDeps } from '../build/buildImage';

/** What the sandbox runner needs from EngineClient (see EngineClient.sandboxDeps). */
export interface SandboxDeps extends BuildDeps {
    /** The engine listens on a local socket, so the kernel it runs containers on is probably this one. */
    readonly local: boolean;
}
