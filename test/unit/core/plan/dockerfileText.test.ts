import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    envInstruction,
    execForm,
    labelInstruction,
    runInstruction,
    shellCommand,
    shellWord,
} from '../../../../src/core/plan/dockerfileText';

describe('dockerfileText', () => {
    it('quotes shell words only when needed, flags as --flag="value"', () => {
        assert.equal(shellWord('--omit=dev'), '--omit=dev');
        assert.equal(shellWord('-ldflags=-s -w'), '-ldflags="-s -w"');
        assert.equal(shellWord('{apps/api}...'), '"{apps/api}..."');
        assert.equal(shellWord('uv>=0.5.0'), '"uv>=0.5.0"');
        assert.equal(shellWord("it's $HOME"), `'it'\\''s $HOME'`);
        assert.equal(shellWord(''), '""');
    });

    it('inline variables keep $NAME expandable', () => {
        assert.equal(
            shellCommand(['pip', 'install', '-r', 'requirements.txt'], { PATH: '/opt/venv/bin:$PATH' }),
            'PATH=/opt/venv/bin:$PATH pip install -r requirements.txt',
        );
        assert.equal(shellCommand(['true'], { A: 'two words' }), 'A="two words" true');
    });

    it('RUN with mounts continues each on its own line', () => {
        assert.equal(
            runInstruction('npm ci', ['--mount=type=cache,target=/root/.npm']),
            'RUN --mount=type=cache,target=/root/.npm \\\n    npm ci',
        );
        assert.equal(runInstruction('npm ci'), 'RUN npm ci');
    });

    it('ENV, LABEL and exec form quote as Docker parses them', () => {
        assert.equal(envInstruction('PATH', '/opt/venv/bin:$PATH'), 'ENV PATH=/opt/venv/bin:$PATH');
        assert.equal(envInstruction('GREETING', 'hello "you"'), 'ENV GREETING="hello \\"you\\""');
        assert.deepEqual(labelInstruction({ a: 'x', b: 'y "z"' }), ['LABEL a="x" \\', '      b="y \\"z\\""']);
        assert.equal(execForm(['node', 'a b.js']), '["node", "a b.js"]');
    });
});
