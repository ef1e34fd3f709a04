import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EngineError } from '../../../../src/engine/EngineError';
import type { ImageDetails } from '../../../../src/engine/inspectTypes';
import { ImageLabelCache } from '../../../../src/engine/sandbox/ImageLabelCache';

/** Answers inspectImage from a table, counting the calls; an ID not in it is a 404, "sha256:down" a timeout. */
function engine(images: Readonly<Record<string, Record<string, string> | null>>): {
    inspectImage: (id: string) => Promise<ImageDetails>;
    asked: string[];
} {
    const asked: string[] = [];
    return {
        asked,
        inspectImage: (id) => {
            asked.push(id);
            if (id === 'sha256:down') {
                return Promise.reject(
                    new EngineError('timeout', 'the engine did not answer', 'unix:///var/run/docker.sock'),
                );
            }
            const labels = images[id];
            return labels === undefined
                ? Promise.reject(new EngineError('api', `No such image: ${id}`, 'unix:///var/run/docker.sock', 404))
                : Promise.resolve({ Id: id, Config: { Labels: labels } });
        },
    };
}

describe('ImageLabelCache', () => {
    it("asks about each image once, and only about images of containers that claim to be Parity's", async () => {
        const client = engine({ 'sha256:a': { 'parity.managed': 'true' }, 'sha256:b': null });
        const cache = new ImageLabelCache();
        const containers = [
            { ImageID: 'sha256:a', Labels: { 'parity.container': 'one' } },
            { ImageID: 'sha256:a', Labels: { 'parity.container': 'two' } },
            { ImageID: 'sha256:b', Labels: { 'parity.container': 'three' } },
            { ImageID: 'sha256:c', Labels: { 'parity.managed': 'true', 'parity.purpose': 'sandbox' } },
            { ImageID: 'sha256:gone', Labels: { 'parity.container': 'four' } },
        ];
        const first = await cache.forContainers(client, containers);
        assert.deepEqual(
            [...first],
            [
                ['sha256:a', { 'parity.managed': 'true' }],
                ['sha256:b', {}],
                ['sha256:gone', null],
            ],
        );
        await cache.forContainers(client, containers);
        assert.deepEqual(
            client.asked,
            ['sha256:a', 'sha256:b', 'sha256:gone', 'sha256:gone'],
            'labels are kept; a missing image is asked again, it may come back',
        );
    });

    it('an engine that does not answer is an error, not "no labels"', async () => {
        await assert.rejects(new ImageLabelCache().of(engine({}), 'sha256:down'), /did not answer/);
    });
});
