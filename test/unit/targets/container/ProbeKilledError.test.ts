import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EngineError } from '../../../../src/engine/EngineError';
import { ProbeKilledError } from '../../../../src/targets/container/ProbeKilledError';

describe('ProbeKilledError', () => {
    it('is an EngineError (the CLI exits 2 with its one line), and only a killed probe is one', () => {
        const killed = new ProbeKilledError('web', 137, 'unix:///var/run/docker.sock');
        assert.ok(killed instanceof EngineError);
        assert.ok(killed instanceof ProbeKilledError);
        assert.match(killed.message, /^The probe in container web was killed \(exit code 137\)/);
        assert.equal(
            new EngineError('api', 'Container web is not running', 'unix:///var/run/docker.sock', 409) instanceof
                ProbeKilledError,
            false,
            'another conflict is not a killed probe',
        );
    });
});
