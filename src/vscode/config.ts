import * as vscode from 'vscode';

/** Parity's settings, typed; read fresh on every call so changes apply without a reload. */
export interface ParityConfig {
    readonly docker: {
        /** Engine address; empty means DOCKER_HOST / Docker context / default socket. */
        readonly host: string;
        readonly timeoutMs: number;
    };
}

export function readConfig(): ParityConfig {
    const docker = vscode.workspace.getConfiguration('parity.docker');
    const timeoutSeconds = docker.get<number>('timeoutSeconds', 10);
    return {
        docker: {
            host: docker.get<string>('host', '').trim(),
            timeoutMs: Math.max(1, Number.isFinite(timeoutSeconds) ? timeoutSeconds : 10) * 1000,
        },
    };
}

/** True when a configuration change touches the engine connection. */
export function affectsEngine(event: vscode.ConfigurationChangeEvent): boolean {
    return event.affectsConfiguration('parity.docker');
}
