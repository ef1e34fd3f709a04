import * as vscode from 'vscode';

/** Parity's settings, typed; read fresh on every call so changes apply without a reload. */
export interface ParityConfig {
    readonly docker: {
        /** Engine address; empty means DOCKER_HOST / Docker context / default socket. */
        readonly host: string;
        readonly timeoutMs: number;
    };
    readonly recipe: {
        /** Prefix for every base image (a registry mirror); empty for none. */
        readonly baseImageRegistry: string;
        /** A base image that replaces Parity's choice; empty for none. */
        readonly baseImage: string;
        /** Also trust this machine's extra CAs at run time, inside the image. */
        readonly bakeCa: boolean;
    };
}

export function readConfig(): ParityConfig {
    const docker = vscode.workspace.getConfiguration('parity.docker');
    const timeoutSeconds = docker.get<number>('timeoutSeconds', 10);
    const recipe = vscode.workspace.getConfiguration('parity.recipe');
    return {
        docker: {
            host: docker.get<string>('host', '').trim(),
            timeoutMs: Math.max(1, Number.isFinite(timeoutSeconds) ? timeoutSeconds : 10) * 1000,
        },
        recipe: {
            baseImageRegistry: recipe.get<string>('baseImageRegistry', '').trim(),
            baseImage: recipe.get<string>('baseImage', '').trim(),
            bakeCa: recipe.get<boolean>('bakeCa', false),
        },
    };
}

/** True when a configuration change touches the engine connection. */
export function affectsEngine(event: vscode.ConfigurationChangeEvent): boolean {
    return event.affectsConfiguration('parity.docker');
}
