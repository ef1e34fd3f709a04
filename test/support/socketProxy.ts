import { createConnection, createServer, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SocketProxy {
    /** The proxy's own socket, to point a client at as unix://PATH. */
    readonly path: string;
    /** Connections made through it so far. */
    connections(): number;
    /** Cuts every connection and stops accepting: how an engine that goes away looks to a client. */
    cut(): void;
    /** Stops passing bytes either way but keeps the connections open: how a frozen engine looks. */
    freeze(): void;
    close(): Promise<void>;
}

/** A unix-socket proxy of our own in front of a real engine socket, so a test can pull the plug mid-call. */
export async function startSocketProxy(target = '/var/run/docker.sock'): Promise<SocketProxy> {
    const dir = mkdtempSync(join(tmpdir(), 'parity-proxy-'));
    const path = join(dir, 'docker.sock');
    const sockets = new Set<Socket>();
    const pairs: [Socket, Socket][] = [];
    let count = 0;
    const server = createServer((client) => {
        count++;
        const upstream = createConnection(target);
        for (const socket of [client, upstream]) {
            sockets.add(socket);
            socket.on('close', () => sockets.delete(socket));
            socket.on('error', () => undefined);
        }
        client.pipe(upstream);
        upstream.pipe(client);
        pairs.push([client, upstream]);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(path, resolve));
    const cut = (): void => {
        server.close();
        for (const socket of sockets) {
            socket.destroy();
        }
    };
    return {
        path,
        connections: () => count,
        cut,
        freeze: () => {
            server.close();
            for (const [client, upstream] of pairs) {
                client.unpipe(upstream);
                upstream.unpipe(client);
                client.pause();
                upstream.pause();
            }
        },
        close: async () => {
            cut();
            await new Promise<void>((resolve) => setTimeout(resolve, 10));
            rmSync(dir, { recursive: true, force: true });
        },
    };
}
