// A project's .npmrc is the cloned repository's: the cafile it names must stay inside the project, and no
// setting (the project's or the user's) can make the snapshot read without end.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { IssueSink } from '../../src/core/project/ProjectFiles';
import { hostCertificates } from '../../src/targets/host/hostCertificates';
import { projectBeside } from '../support/projectBeside';

/** A project and a folder beside it holding a CA of its own, made with openssl (part of the test bed). */
function projectBesideCa(): { root: string; outside: string; fingerprint: string } {
    const { project: root, outside } = projectBeside('npmrc');
    execFileSync(
        'openssl',
        [
            'req',
            '-x509',
            '-newkey',
            'rsa:2048',
            '-nodes',
            '-keyout',
            join(outside, 'ca.key'),
            '-out',
            join(outside, 'ca.pem'),
            '-days',
            '2',
            '-subj',
            '/CN=Parity test CA',
            '-addext',
            'basicConstraints=critical,CA:TRUE',
        ],
        { stdio: 'ignore' },
    );
    return { root, outside, fingerprint: new X509Certificate(readFileSync(join(outside, 'ca.pem'))).fingerprint256 };
}

async function capture(
    root: string,
    env: NodeJS.ProcessEnv = { PATH: process.env.PATH },
): Promise<{ fingerprints: string[]; messages: string[]; ms: number }> {
    const issues = new IssueSink();
    const started = performance.now();
    const facts = await hostCertificates(env, root, { cwd: root, env }, issues);
    return {
        fingerprints: facts.extra.map((cert) => cert.fingerprint256),
        messages: issues.all.map((issue) => issue.message),
        ms: performance.now() - started,
    };
}

describe('hostCertificates and a hostile .npmrc', () => {
    it('cafile=/dev/zero finishes at once with an issue, as does NODE_EXTRA_CA_CERTS=/dev/zero', async () => {
        const { root } = projectBesideCa();
        writeFileSync(join(root, '.npmrc'), 'cafile=/dev/zero\n');
        const result = await capture(root, { PATH: process.env.PATH, NODE_EXTRA_CA_CERTS: '/dev/zero' });
        assert.ok(result.ms < 2000, `took ${result.ms} ms`);
        assert.ok(
            result.messages.includes(
                '/dev/zero (.npmrc cafile) leads outside the project (to /dev/zero); a project may only point at its own files, so it was not read.',
            ),
            result.messages.join('\n'),
        );
        assert.ok(
            result.messages.includes('/dev/zero (NODE_EXTRA_CA_CERTS) is not a regular file; it was not read.'),
            result.messages.join('\n'),
        );
    });

    it('cafile=/etc/passwd or ../outside/ca.pem is not read; the same CA inside the project is', async () => {
        const { root, outside, fingerprint } = projectBesideCa();
        writeFileSync(join(root, '.npmrc'), 'cafile=/etc/passwd\n');
        assert.ok(
            (await capture(root)).messages.some((message) =>
                message.startsWith('/etc/passwd (.npmrc cafile) leads outside the project'),
            ),
        );

        writeFileSync(join(root, '.npmrc'), 'registry=https://registry.npmjs.org/\ncafile = "../outside/ca.pem"\n');
        const outsideRead = await capture(root);
        assert.ok(!outsideRead.fingerprints.includes(fingerprint), 'a CA outside the project must not be read');
        assert.ok(
            outsideRead.messages.some((message) => message.includes('(.npmrc cafile) leads outside the project')),
            outsideRead.messages.join('\n'),
        );

        symlinkSync(join(outside, 'ca.pem'), join(root, 'linked.pem'));
        writeFileSync(join(root, '.npmrc'), 'cafile=linked.pem\n');
        assert.ok(!(await capture(root)).fingerprints.includes(fingerprint), 'nor through a link inside the project');

        mkdirSync(join(root, 'certs'));
        writeFileSync(join(root, 'certs', 'ca.pem'), readFileSync(join(outside, 'ca.pem')));
        writeFileSync(join(root, '.npmrc'), 'cafile=certs/ca.pem\n');
        assert.ok(
            (await capture(root)).fingerprints.includes(fingerprint),
            'a CA file the project itself holds is read',
        );
    });

    it("a project .npmrc that links out is not read at all; the user's own CA settings still are", async () => {
        const { root, outside, fingerprint } = projectBesideCa();
        writeFileSync(join(outside, 'npmrc'), `cafile=${join(outside, 'ca.pem')}\n`);
        symlinkSync(join(outside, 'npmrc'), join(root, '.npmrc'));
        const result = await capture(root);
        assert.ok(!result.fingerprints.includes(fingerprint));
        assert.ok(
            result.messages.some((message) => message.startsWith('.npmrc leads outside the project')),
            result.messages.join('\n'),
        );
        assert.ok(
            (
                await capture(root, { PATH: process.env.PATH, NODE_EXTRA_CA_CERTS: join(outside, 'ca.pem') })
            ).fingerprints.includes(fingerprint),
        );
    });
});
