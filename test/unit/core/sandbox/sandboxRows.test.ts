import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sandboxRows } from '../../../../src/core/sandbox/sandboxRows';

describe('sandboxRows', () => {
    it('names, image label, loopback ports and URL, newest first', () => {
        const rows = sandboxRows([
            {
                Id: 'a'.repeat(64),
                Names: ['/parity-sandbox-old-1'],
                Image: 'sha256:1',
                State: 'exited',
                Status: 'Exited (0)',
                Created: 100,
                Labels: { 'parity.image': 'old:parity' },
                Ports: [],
            },
            {
                Id: 'b'.repeat(64),
                Names: ['/parity-sandbox-shop-2'],
                Image: 'shop:parity',
                State: 'running',
                Status: 'Up 2 minutes',
                Created: 200,
                Labels: { 'parity.port': '3000', 'parity.project': '/work/shop' },
                Ports: [
                    { PrivatePort: 9229, Type: 'tcp' },
                    { IP: '127.0.0.1', PrivatePort: 3000, PublicPort: 49153, Type: 'tcp' },
                ],
            },
        ]);
        assert.deepEqual(
            rows.map((row) => row.name),
            ['parity-sandbox-shop-2', 'parity-sandbox-old-1'],
        );
        assert.deepEqual(rows[0]?.ports, ['127.0.0.1:49153->3000/tcp']);
        assert.equal(rows[0]?.url, 'http://127.0.0.1:49153');
        assert.equal(rows[0]?.project, '/work/shop');
        assert.equal(rows[1]?.image, 'old:parity');
        assert.equal(rows[1]?.url, null);
    });
});
