import { request } from 'node:http';
import { connect } from 'node:net';

/** Whether something accepts a TCP connection at host:port within the time. */
export function tcpOpen(host: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
        const socket = connect({ host, port, timeout: timeoutMs, ...(signal ? { signal } : {}) });
        const done = (open: boolean): void => {
            socket.destroy();
            resolve(open);
        };
        socket.once('connect', () => done(true));
        socket.once('timeout', () => done(false));
        socket.once('error', () => done(false));
    });
}

/** One GET; resolves with the status (the body is read and dropped), rejects on any connection failure. */
export function httpStatus(url: string, timeoutMs: number, signal?: AbortSignal): Promise<number> {
    return new Promise((resolve, reject) => {
        const req = request(
            url,
            { method: 'GET', timeout: timeoutMs, agent: false, ...(signal ? { signal } : {}) },
            (res) => {
                res.resume();
                res.once('end', () => resolve(res.statusCode ?? 0));
                res.once('error', reject);
            },
        );
        req.once('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
        req.once('error', reject);
        req.end();
    });
}
