import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    contextPatterns,
    DockerignoreError,
    DockerignoreMatcher,
    goClean,
    parseDockerignore,
} from '../../../../src/core/build/dockerignore';

/** Walks a path's parents the way a tree walk does, so the parent-result path is exercised too. */
function excludedByWalk(matcher: DockerignoreMatcher, path: string): boolean {
    const parts = path.split('/');
    let parent: readonly boolean[] | undefined;
    for (let i = 1; i < parts.length; i++) {
        parent = matcher.matchWithParents(parts.slice(0, i).join('/'), parent).matches;
    }
    return matcher.matchWithParents(path, parent).excluded;
}

function check(patterns: readonly string[], path: string, expected: boolean): void {
    const matcher = new DockerignoreMatcher(patterns);
    assert.equal(matcher.matches(path), expected, `${JSON.stringify(patterns)} ~ ${path} (with parents)`);
    assert.equal(excludedByWalk(matcher, goClean(path)), expected, `${JSON.stringify(patterns)} ~ ${path} (walking)`);
}

describe('dockerignore matching (cases from moby/patternmatcher, the code the Docker CLI uses)', () => {
    const single: [string, string, boolean][] = [
        ['**', 'file', true],
        ['**', 'file/', true],
        ['**/', 'file', true],
        ['**/', 'file/', true],
        ['**', 'dir/file', true],
        ['**/', 'dir/file', true],
        ['**/**', 'dir/file', true],
        ['dir/**', 'dir/file', true],
        ['dir/**', 'dir/dir2/file', true],
        ['**/dir', 'dir', true],
        ['**/dir', 'dir/file', true],
        ['**/dir2/*', 'dir/dir2/file', true],
        ['**/dir2/**', 'dir/dir2/dir3/file', true],
        ['**file', 'file', true],
        ['**file', 'dir/file', true],
        ['**/file', 'dir/file', true],
        ['**file', 'dir/dir/file', true],
        ['**/file*', 'dir/dir/file.txt', true],
        ['**/file*txt', 'dir/dir/file.txt', true],
        ['**/file*.txt*', 'dir/dir/file.txt', true],
        ['**/**/*.txt', 'dir/dir/file.txt', true],
        ['**/**/*.txt2', 'dir/dir/file.txt', false],
        ['**/*.txt', 'file.txt', true],
        ['**/**/*.txt', 'file.txt', true],
        ['a**/*.txt', 'a/file.txt', true],
        ['a**/*.txt', 'a/dir/file.txt', true],
        ['a**/*.txt', 'a/dir/dir/file.txt', true],
        ['a/*.txt', 'a/dir/file.txt', false],
        ['a/*.txt', 'a/file.txt', true],
        ['a/*.txt**', 'a/file.txt', true],
        ['a[b-d]e', 'ae', false],
        ['a[b-d]e', 'ace', true],
        ['a[b-d]e', 'aae', false],
        ['a[^b-d]e', 'aze', true],
        ['.*', '.foo', true],
        ['.*', 'foo', false],
        ['abc.def', 'abcdef', false],
        ['abc.def', 'abc.def', true],
        ['abc.def', 'abcZdef', false],
        ['abc?def', 'abcZdef', true],
        ['abc?def', 'abcdef', false],
        ['a\\\\', 'a\\', true],
        ['**/foo/bar', 'foo/bar', true],
        ['**/foo/bar', 'dir/foo/bar', true],
        ['**/foo/bar', 'dir/dir2/foo/bar', true],
        ['abc/**', 'abc', false],
        ['abc/**', 'abc/def', true],
        ['abc/**', 'abc/def/ghi', true],
        ['**/.foo', '.foo', true],
        ['**/.foo', 'bar.foo', false],
        ['a(b)c/def', 'a(b)c/def', true],
        ['a(b)c/def', 'a(b)c/xyz', false],
        ['a.|)$(}+{bc', 'a.|)$(}+{bc', true],
        ['dist/*.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', true],
        ['a\\*b', 'a*b', true],
        ['a\\*b', 'ab', false],
        ['*', 'abc', true],
        ['*c', 'abc', true],
        ['a*', 'a', true],
        ['a*', 'ab/c', true],
        ['a*/b', 'abc/b', true],
        ['a*/b', 'a/c/b', false],
        ['a*b*c*d*e*/f', 'axbxcxdxe/f', true],
        ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false],
        ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false],
        ['ab[c]', 'abc', true],
        ['ab[^c]', 'abc', false],
        ['ab[^e-g]', 'abc', true],
        ['a?b', 'a☺b', true],
        ['a???b', 'a☺b', false],
        ['a?b', 'a/b', false],
        ['a*b', 'a/b', false],
        ['[\\]a]', ']', true],
        ['[\\-]', '-', true],
        ['[x\\-]', 'x', true],
        ['[x\\-]', '-', true],
        ['[x\\-]', 'z', false],
        ['*x', 'xxx', true],
    ];
    for (const [pattern, path, expected] of single) {
        it(`${pattern} ${expected ? 'matches' : 'does not match'} ${path}`, () => check([pattern], path, expected));
    }

    it('the last matching pattern wins; ! re-includes', () => {
        check(['**', '!util/docker/web'], 'util/docker/web/foo', false);
        check(['**', '!util/docker/web', 'util/docker/web/foo'], 'util/docker/web/foo', true);
        check(['!fileutils.go', '*.go'], 'fileutils.go', true);
        check(['*.go', '!fileutils.go'], 'fileutils.go', false);
        check(['docs', '!docs/README.md'], 'docs/README.md', false);
        check(['docs/', '!docs/README.md'], 'docs/README.md', false);
        check(['docs/*', '!docs/README.md'], 'docs/README.md', false);
        check(['**', '!dist/*.whl'], 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', false);
    });

    it("Docker's documented example: *.md, !README*.md, README-secret.md", () => {
        const patterns = parseDockerignore('*.md\n!README*.md\nREADME-secret.md\n');
        check(patterns, 'CHANGES.md', true);
        check(patterns, 'README-public.md', false);
        check(patterns, 'README-secret.md', true);
        check(patterns, 'docs/CHANGES.md', false);
    });

    it('a folder pattern excludes everything under it; the root itself is never excluded', () => {
        check(['node_modules'], 'node_modules/left-pad/index.js', true);
        check(['node_modules'], 'packages/a/node_modules/x.js', false);
        check(['**/node_modules'], 'packages/a/node_modules/x.js', true);
        check(['*/temp*'], 'somedir/temporary.txt', true);
        check(['*/*/temp*'], 'somedir/subdir/temporary.txt', true);
        check(['temp?'], 'tempa', true);
        assert.equal(new DockerignoreMatcher(['*']).matches('.'), false);
    });

    it('rejects what Docker rejects', () => {
        for (const bad of ['!', '[', '[^', '[^bc', 'a[', '[]a]', '[-]', '[x-]', '[-x]', '\\', '[a-b-c]']) {
            assert.throws(() => new DockerignoreMatcher([bad]), DockerignoreError, bad);
        }
    });

    it('knows which excluded folders an exception may reach into', () => {
        const matcher = new DockerignoreMatcher(['docs', '!docs/README.md', 'node_modules']);
        assert.equal(matcher.hasExceptions, true);
        assert.equal(matcher.mayReincludeUnder('docs'), true);
        assert.equal(matcher.mayReincludeUnder('node_modules'), false);
        assert.equal(new DockerignoreMatcher(['node_modules']).hasExceptions, false);
    });
});

describe('parseDockerignore (ignorefile.ReadAll)', () => {
    it('drops the BOM, comments and blank lines, trims, cleans, strips a leading slash, keeps !', () => {
        const text =
            '\uFEFF# comment\n\n  node_modules  \n/.git\n ! /dist/../build/ \n#!not-a-pattern\n ./a//b/./c \r\n  # not a comment\n/\n';
        assert.deepEqual(parseDockerignore(text), ['node_modules', '.git', '!build', 'a/b/c', '# not a comment', '/']);
    });
});

describe('contextPatterns (the CLI keeps the Dockerfile and .dockerignore)', () => {
    it('adds exceptions only for what the patterns exclude', () => {
        assert.deepEqual(contextPatterns(['*.md'], 'Dockerfile'), ['*.md']);
        assert.deepEqual(contextPatterns(['*'], 'Dockerfile'), ['*', '!.dockerignore', '!Dockerfile']);
        assert.deepEqual(contextPatterns(['docker'], './docker/Dockerfile.parity'), [
            'docker',
            '!docker/Dockerfile.parity',
        ]);
    });
});

describe('goClean', () => {
    it('cleans like Go path/filepath.Clean', () => {
        const cases: [string, string][] = [
            ['', '.'],
            ['a/c', 'a/c'],
            ['a//c', 'a/c'],
            ['a/c/.', 'a/c'],
            ['a/c/b/..', 'a/c'],
            ['/../a/c', '/a/c'],
            ['../../a', '../../a'],
            ['a/../..', '..'],
            ['abc/../../def', '../def'],
            ['/', '/'],
            ['./', '.'],
            ['a/', 'a'],
        ];
        for (const [input, expected] of cases) {
            assert.equal(goClean(input), expected, input);
        }
    });
});
