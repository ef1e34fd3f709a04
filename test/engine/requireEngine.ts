import { request } from 'node:http';

const SOCKET = '/var/run/docker.sock';

/**
 * Engine suites call this first: without a running engine they fail with the command that starts one,
 * instead of passing vacuously.
 */
export async function requireEngine(): Promise<void> {
    const answered = await new Promise<boolean>((resolve) => {
        const req = request({ socketPath: SOCKET, path: '/_ping', timeout: 3000 }, (res) => {
            res.resume();
            resolve(res.statusCode === 200);
        });
        req.on('error', () => resolve(false));
        req.on('timeout', () => {
            req.destroy();
            resolve(false);
        });
        req.end();
    });
    if (!answered) {
        throw new Error(
            `No Docker engine answers on unix://${SOCKET}. Start the test bed with: npm run testbed -- up engine`,
        );
    }
}
