import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Snapshot } from '../../src/core/snapshot/Snapshot';
import { dockerCli } from '../support/dockerCli';

/** A value no image or host has by accident: if it shows up in a snapshot, a value leaked. */
export const DISTINCTIVE_VALUE = 'parity-probe-leak-canary-7f3a9c';

/** A tag made by these tests (removed again by removeTestImages). */
export const ENV_IMAGE = 'parity-test/probe-env:latest';
/** FROM scratch: a static BusyBox at /busybox but no /bin/sh, os-release, passwd, group. */
export const SCRATCH_IMAGE = 'parity-test/probe-scratch:latest';

/** Builds the test images with the docker CLI from local base images (no registry needed). */
export function buildTestImages(): void {
    build(ENV_IMAGE, {
        Dockerfile: `FROM debian:bookworm-slim\nENV PARITY_PROBE_TOKEN=${DISTINCTIVE_VALUE} TZ=Etc/UTC\n`,
    });
    build(SCRATCH_IMAGE, {
        Dockerfile: [
            'FROM busybox:latest AS busybox',
            'FROM scratch',
            'COPY --from=busybox /bin/busybox /busybox',
            'COPY os-release passwd group /etc/',
            `ENV APP_SECRET=${DISTINCTIVE_VALUE} LANG=C.UTF-8`,
            'USER app',
            'WORKDIR /srv',
            'EXPOSE 8080/tcp 53/udp',
            'ENTRYPOINT ["/busybox", "httpd", "-f"]',
            'CMD ["-p", "8080"]',
            '',
        ].join('\n'),
        'os-release': 'ID=parity-scratch\nVERSION_ID=0.1\nPRETTY_NAME="Parity scratch test"\n',
        passwd: 'root:x:0:0:root:/root:/sbin/nologin\napp:x:1000:1000:app:/home/app:/sbin/nologin\n',
        group: 'root:x:0:\napp:x:1000:\n',
    });
}

export function removeTestImages(): void {
    dockerCli(['image', 'rm', '--force', ENV_IMAGE, SCRATCH_IMAGE]);
}

/** IDs of containers a probe created and did not remove — must always be none. */
export function leftoverProbeContainers(): string[] {
    return dockerCli(['ps', '--all', '--quiet', '--filter', 'label=parity.purpose=probe']).split('\n').filter(Boolean);
}

function build(tag: string, files: Readonly<Record<string, string>>): void {
    const context = mkdtempSync(join(tmpdir(), 'parity-probe-image-'));
    try {
        for (const [name, content] of Object.entries(files)) {
            writeFileSync(join(context, name), content);
        }
        dockerCli(['build', '--quiet', '--tag', tag, context], {
            ...process.env,
            DOCKER_HOST: '',
            DOCKER_BUILDKIT: '0',
        });
    } finally {
        rmSync(context, { recursive: true, force: true });
    }
}

let validate: ValidateFunction | undefined;

/** Every probed snapshot must match the published JSON Schema. */
export function assertMatchesSchema(snapshot: Snapshot): void {
    if (!validate) {
        const ajv = new Ajv({ allErrors: true, strict: false });
        addFormats(ajv);
        validate = ajv.compile(
            JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'snapshot.schema.json'), 'utf8')) as object,
        );
    }
    assert.ok(validate(snapshot), JSON.stringify(validate.errors, null, 2));
}
