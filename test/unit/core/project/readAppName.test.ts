import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { nodeProjectFiles } from '../../../../src/core/project/nodeProjectFiles';
import { readAppName } from '../../../../src/core/project/readAppName';
import type { RuntimeName } from '../../../../src/core/snapshot/Snapshot';

async function nameIn(
    ecosystem: RuntimeName,
    tree: Readonly<Record<string, string>>,
    appRoot = '.',
): Promise<string | null> {
    const root = await mkdtemp(join(tmpdir(), 'parity-name-'));
    try {
        for (const [path, text] of Object.entries(tree)) {
            await mkdir(dirname(join(root, path)), { recursive: true });
            await writeFile(join(root, path), text);
        }
        const name = await readAppName(nodeProjectFiles(root), ecosystem, appRoot);
        return name ? `${name.value} ${name.at?.file ?? ''}:${name.at?.line ?? 0}` : null;
    } finally {
        await rm(root, { recursive: true, force: true });
    }
}

describe('readAppName: the name the manifest gives the app', () => {
    it('package.json name (of the workspace package), none when absent or malformed', async () => {
        assert.equal(
            await nameIn(
                'node',
                { 'apps/api/package.json': '{\n  "private": true,\n  "name": "@acme/api"\n}\n' },
                'apps/api',
            ),
            '@acme/api apps/api/package.json:3',
        );
        assert.equal(await nameIn('node', { 'package.json': '{ "private": true }' }), null);
        assert.equal(await nameIn('node', { 'package.json': '{ "name": ' }), null);
    });

    it('pyproject [project] name, else [tool.poetry] name', async () => {
        assert.equal(
            await nameIn('python', { 'pyproject.toml': '[project]\nversion = "1"\nname = "svc"\n' }),
            'svc pyproject.toml:3',
        );
        assert.equal(
            await nameIn('python', { 'pyproject.toml': '[tool.poetry]\nname = "bakery"\n' }),
            'bakery pyproject.toml:2',
        );
        assert.equal(await nameIn('python', { 'requirements.txt': 'flask\n' }), null);
    });

    it("go.mod module's last element, skipping a major-version suffix", async () => {
        assert.equal(
            await nameIn('go', { 'go.mod': 'module github.com/acme/billing\n\ngo 1.22\n' }),
            'billing go.mod:1',
        );
        assert.equal(
            await nameIn('go', { 'go.mod': '// comment\nmodule github.com/acme/billing/v3\n' }),
            'billing go.mod:2',
        );
    });

    it("pom.xml's own artifactId (not the parent's), else settings.gradle rootProject.name", async () => {
        const pom =
            '<project>\n  <parent>\n    <artifactId>spring-boot-starter-parent</artifactId>\n  </parent>\n  <artifactId>orders</artifactId>\n</project>\n';
        assert.equal(await nameIn('java', { 'pom.xml': pom }), 'orders pom.xml:5');
        assert.equal(
            await nameIn('java', { 'settings.gradle.kts': 'rootProject.name = "ledger"\ninclude("api")\n' }),
            'ledger settings.gradle.kts:1',
        );
    });

    it("a gemspec's name, else the Rails application module in kebab case", async () => {
        assert.equal(
            await nameIn('ruby', {
                'shop.gemspec': 'Gem::Specification.new do |spec|\n  spec.name = "shop-api"\nend\n',
            }),
            'shop-api shop.gemspec:2',
        );
        assert.equal(
            await nameIn('ruby', {
                'config/application.rb':
                    'require_relative "boot"\n\nmodule RubyGettingStarted\n  class Application; end\nend\n',
            }),
            'ruby-getting-started config/application.rb:3',
        );
        assert.equal(await nameIn('ruby', { 'config.ru': 'run ->(env) { [200, {}, []] }\n' }), null);
    });
});
