import assert from 'node:assert/strict';
import {
    existsSync,
    lstatSync,
    mkdirSync,
    mkdtempSync,
    readFileSync,
    statSync,
    symlinkSync,
    writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ProjectPathError } from '../../../../src/core/ProjectPathError';
import { inspectRecipe, RecipeConflictError, writeRecipe } from '../../../../src/core/recipe/writeRecipe';

const v1 = { dockerfile: 'FROM node:20.20.2-bookworm-slim\n', dockerignore: 'node_modules\n' };
const v2 = { dockerfile: 'FROM node:22-bookworm-slim\n', dockerignore: 'node_modules\n.env\n' };

describe("writeRecipe never overwrites a user's file without being asked", () => {
    it('writes new files and records them; writing the same again changes nothing', async () => {
        const root = mkdtempSync(join(tmpdir(), 'parity-recipe-'));
        const first = await writeRecipe(root, v1);
        assert.deepEqual(
            first.map((file) => file.status),
            ['new', 'new'],
        );
        const mtime = statSync(join(root, 'Dockerfile')).mtimeMs;
        const again = await writeRecipe(root, v1);
        assert.deepEqual(
            again.map((file) => file.status),
            ['same', 'same'],
        );
        assert.equal(statSync(join(root, 'Dockerfile')).mtimeMs, mtime);
    });

    it('replaces its own untouched files with a new recipe', async () => {
        const root = mkdtempSync(join(tmpdir(), 'parity-recipe-'));
        await writeRecipe(root, v1);
        const files = await writeRecipe(root, v2);
        assert.deepEqual(
            files.map((file) => file.status),
            ['parity', 'parity'],
        );
        assert.equal(readFileSync(join(root, 'Dockerfile'), 'utf8'), v2.dockerfile);
    });

    it('a file the user wrote or edited stops the write — nothing is written — until they say to replace it', async () => {
        const root = mkdtempSync(join(tmpdir(), 'parity-recipe-'));
        await writeRecipe(root, v1);
        writeFileSync(join(root, 'Dockerfile'), 'FROM node:20\n# my own tweaks\n');
        await assert.rejects(
            writeRecipe(root, v2),
            (error: unknown) =>
                error instanceof RecipeConflictError &&
                error.files.map((file) => file.name).join() === 'Dockerfile' &&
                /Dockerfile exists and was not written by Parity \(or changed since\)/.test(error.message),
        );
        assert.equal(readFileSync(join(root, 'Dockerfile'), 'utf8'), 'FROM node:20\n# my own tweaks\n');
        assert.equal(
            readFileSync(join(root, '.dockerignore'), 'utf8'),
            v1.dockerignore,
            'the .dockerignore was not written either',
        );
        const inspected = await inspectRecipe(root, v2);
        assert.equal(inspected[0]?.current, 'FROM node:20\n# my own tweaks\n');
        await writeRecipe(root, v2, { keep: new Set(['Dockerfile']) });
        assert.equal(
            readFileSync(join(root, 'Dockerfile'), 'utf8'),
            'FROM node:20\n# my own tweaks\n',
            'kept as it is',
        );
        assert.equal(
            readFileSync(join(root, '.dockerignore'), 'utf8'),
            v2.dockerignore,
            "Parity's own file is updated",
        );
        await writeRecipe(root, v2, { replace: new Set(['Dockerfile']) });
        assert.equal(readFileSync(join(root, 'Dockerfile'), 'utf8'), v2.dockerfile);
    });

    it("a pre-existing hand-written Dockerfile is the user's even when Parity never ran here", async () => {
        const root = mkdtempSync(join(tmpdir(), 'parity-recipe-'));
        writeFileSync(join(root, 'Dockerfile'), 'FROM python:3.12\n');
        const [dockerfile] = await inspectRecipe(root, v1);
        assert.equal(dockerfile?.status, 'user');
    });

    it('a Dockerfile that links out of the project is neither read nor written through, even when told to replace it', async () => {
        const base = mkdtempSync(join(tmpdir(), 'parity recipe '));
        const root = join(base, 'project');
        mkdirSync(root);
        writeFileSync(join(base, 'victim'), 'precious\n');
        symlinkSync(join(base, 'victim'), join(root, 'Dockerfile'));
        await assert.rejects(
            writeRecipe(root, v1, { replace: new Set(['Dockerfile']) }),
            (error: unknown) =>
                error instanceof ProjectPathError &&
                /Dockerfile leads to .*victim, outside the project/.test(error.message),
        );
        assert.equal(readFileSync(join(base, 'victim'), 'utf8'), 'precious\n');
        assert.ok(
            !existsSync(join(root, '.parity')) && !existsSync(join(root, '.dockerignore')),
            'nothing written, not even .parity/',
        );
    });

    it("a Dockerfile that links inside the project is the user's: kept as it is, and replacing it is refused before anything is written", async () => {
        const root = mkdtempSync(join(tmpdir(), 'parity-recipe-'));
        mkdirSync(join(root, 'docker'));
        writeFileSync(join(root, 'docker', 'Dockerfile.prod'), 'FROM python:3.12\n');
        symlinkSync('docker/Dockerfile.prod', join(root, 'Dockerfile'));
        await assert.rejects(
            writeRecipe(root, v1, { replace: new Set(['Dockerfile']) }),
            (error: unknown) =>
                error instanceof ProjectPathError &&
                /Dockerfile is a symbolic link \(to .*Dockerfile\.prod\)/.test(error.message),
        );
        assert.ok(
            !existsSync(join(root, '.parity')) && !existsSync(join(root, '.dockerignore')),
            'nothing written, not even .parity/',
        );
        await writeRecipe(root, v1, { keep: new Set(['Dockerfile']) });
        assert.ok(lstatSync(join(root, 'Dockerfile')).isSymbolicLink());
        assert.equal(readFileSync(join(root, 'docker', 'Dockerfile.prod'), 'utf8'), 'FROM python:3.12\n');
        assert.equal(readFileSync(join(root, '.dockerignore'), 'utf8'), v1.dockerignore);
    });

    it('a recipe record that links out of the project is refused, not trusted', async () => {
        const base = mkdtempSync(join(tmpdir(), 'parity-recipe-'));
        const root = join(base, 'project');
        mkdirSync(join(root, '.parity'), { recursive: true });
        writeFileSync(join(base, 'record.json'), '{}\n');
        symlinkSync(join(base, 'record.json'), join(root, '.parity', 'recipe.json'));
        await assert.rejects(writeRecipe(root, v1), ProjectPathError);
        assert.equal(readFileSync(join(base, 'record.json'), 'utf8'), '{}\n');
        assert.ok(!existsSync(join(root, 'Dockerfile')));
    });
});
