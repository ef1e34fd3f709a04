import { createServer, type Server, type Socket } from 'node:net';

/** A TCP port that accepts connections and never answers: how a hung or wrong service looks to a client. */
export async function silentServer(): Promise<{ port: number; close: () => Promise<void> }> {
    const sockets = new Set<Socket>();
    const server: Server = createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') {
        throw new Error('no port');
    }
    return {
        port: address.port,
        close: () =>
            new Promise<void>((resolve) => {
                for (const socket of sockets) {
                    socket.destroy();
                }
                server.close(() => resolve());
            }),
    };
}

/** A loopback port nothing listens on: bind, note the port, close. */
export async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (address === null || typeof address === 'string') {
        throw new Error('no port');
    }
    return address.port;
}
