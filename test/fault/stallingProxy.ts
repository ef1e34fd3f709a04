import { createConnection, createServer, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StallingProxy {
    /** Its socket, for a client as unix://PATH. */
    readonly path: string;
    /** Whether the engine behind it has "stalled" yet. */
    stalled(): boolean;
    close(): Promise<void>;
}

/**
 * A unix-socket proxy in front of a real engine that passes bytes both ways until the answer to a request
 * matching `request` (its request line, e.g. /^POST \S*\/build\b/) has sent `afterBytes` bytes of its body;
 * from then on it stalls as a hung engine does: no byte moves on any connection, new connections are
 * accepted and never answered, and nothing is closed — only close() ends it.
 */
export async function startStallingProxy(target: string, request: RegExp, afterBytes: number): Promise<StallingProxy> {
    const dir = mkdtempSync(join(tmpdir(), 'parity-stall-'));
    const path = join(dir, 'docker.sock');
    const sockets = new Set<Socket>();
    let stalled = false;
    const track = (socket: Socket): void => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => undefined);
    };
    const server = createServer((client) => {
        track(client);
        if (stalled) {
            return;
        }
        const upstream = createConnection(target);
        track(upstream);
        let watched = false;
        let head = Buffer.alloc(0);
        let body = -1;
        client.on('data', (chunk: Buffer) => {
            if (stalled) {
                return;
            }
            if (request.test(chunk.toString('latin1').split('\r\n')[0] ?? '')) {
                watched = true;
            }
            upstream.write(chunk);
        });
        upstream.on('data', (chunk: Buffer) => {
            if (stalled) {
                return;
            }
            if (!watched) {
                client.write(chunk);
                return;
            }
            if (body < 0) {
                head = Buffer.concat([head, chunk]);
                const end = head.indexOf('\r\n\r\n');
                if (end < 0) {
                    return;
                }
                client.write(head.subarray(0, end + 4));
                chunk = head.subarray(end + 4);
                body = 0;
            }
            const room = afterBytes - body;
            body += chunk.length;
            client.write(chunk.subarray(0, Math.max(0, room)));
            if (body >= afterBytes) {
                stalled = true;
            }
        });
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => {
            if (!stalled) {
                client.destroy();
            }
        });
    });
    await new Promise<void>((resolve) => server.listen(path, resolve));
    return {
        path,
        stalled: () => stalled,
        close: async () => {
            for (const socket of sockets) {
                socket.destroy();
            }
            await new Promise<void>((resolve) => server.close(() => resolve()));
            rmSync(dir, { recursive: true, force: true });
        },
    };
}
