import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventLineDecoder } from '../../../../src/engine/events/EngineEvent';
import { eventTopics } from '../../../../src/engine/events/eventTopics';
import { reconnectDelay } from '../../../../src/engine/events/reconnectDelay';

const line = (Type: string, Action: string): string =>
    `${JSON.stringify({ Type, Action, Actor: { ID: 'x', Attributes: {} }, time: 1, timeNano: 1 })}\n`;

describe('EventLineDecoder', () => {
    it('turns arbitrary chunks of the stream into whole events', () => {
        const text = line('container', 'create') + line('container', 'start') + line('image', 'tag');
        const decoder = new EventLineDecoder();
        const events = [text.slice(0, 10), text.slice(10, 150), text.slice(150)].flatMap((chunk) =>
            decoder.push(chunk),
        );
        assert.deepEqual(
            events.map((event) => `${event.Type}/${event.Action}`),
            ['container/create', 'container/start', 'image/tag'],
        );
        assert.deepEqual(decoder.end(), []);
    });

    it('skips lines that are not events and keeps going; a last line without newline arrives at the end', () => {
        const decoder = new EventLineDecoder();
        assert.deepEqual(decoder.push('not json\n{"no":"type"}\n\n'), []);
        assert.deepEqual(decoder.push(line('image', 'delete').trim()), []);
        assert.deepEqual(
            decoder.end().map((event) => event.Action),
            ['delete'],
        );
    });
});

describe('eventTopics', () => {
    it('maps what changes a list onto that list, and ignores the noise', () => {
        const topics = (type: string, action: string): string[] => eventTopics({ Type: type, Action: action });
        for (const action of [
            'create',
            'start',
            'die',
            'destroy',
            'pause',
            'unpause',
            'rename',
            'restart',
            'health_status: healthy',
        ]) {
            assert.deepEqual(topics('container', action), ['containers'], action);
        }
        for (const action of ['tag', 'untag', 'delete', 'pull', 'load', 'import']) {
            assert.deepEqual(topics('image', action), ['images'], action);
        }
        assert.deepEqual(topics('container', 'commit'), ['images']);
        for (const action of [
            'exec_create: sh -c id',
            'exec_start: sh -c id',
            'exec_die',
            'attach',
            'resize',
            'archive-path',
            'kill',
            'stop',
            'top',
        ]) {
            assert.deepEqual(topics('container', action), [], action);
        }
        assert.deepEqual(topics('network', 'connect'), []);
        assert.deepEqual(topics('image', 'push'), []);
    });
});

describe('reconnectDelay', () => {
    it('doubles from 250 ms up to 8 s, with ±20 % spread', () => {
        assert.deepEqual(
            [0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => reconnectDelay(attempt)),
            [250, 500, 1000, 2000, 4000, 8000, 8000, 8000],
        );
        assert.equal(reconnectDelay(0, 0), 200);
        assert.equal(reconnectDelay(5, 1), 9600);
    });
});
