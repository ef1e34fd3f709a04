// The parts of package.json a newcomer meets first: the walkthrough's steps each run a command that exists and
// are checked off by that command; their media and strings ship; the Explorer items show on project folders only.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..', '..');
interface Step {
    id: string;
    title: string;
    description: string;
    media: { svg?: string; image?: string | Record<string, string> };
    completionEvents?: string[];
}
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    contributes: {
        commands: { command: string }[];
        walkthroughs: { id: string; steps: Step[] }[];
        menus: Record<string, { command: string; when?: string }[]>;
    };
};
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const text = (value: string): string => nls[value.replace(/^%|%$/g, '')] ?? value;

describe('the Getting Started walkthrough in package.json', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    const commands = new Set(manifest.contributes.commands.map((command) => command.command));

    it('is the one FirstRunWalkthrough opens', () => {
        const source = readFileSync(join(root, 'src', 'vscode', 'FirstRunWalkthrough.ts'), 'utf8');
        assert.ok(walkthrough);
        assert.ok(source.includes(`'${manifest.publisher}.${manifest.name}#${walkthrough.id}'`));
    });

    it('goes Snapshot → Package App → Run in Sandbox → Diff with Target, each with its button and completion event', () => {
        const expected = [
            'parity.snapshot.capture',
            'parity.app.package',
            'parity.sandbox.run',
            'parity.diff.withTarget',
        ];
        assert.deepEqual(
            walkthrough?.steps.map((step) => step.completionEvents),
            expected.map((command) => [`onCommand:${command}`]),
        );
        walkthrough?.steps.forEach((step, index) => {
            const description = text(step.description);
            assert.match(
                description,
                new RegExp(`\\n\\[[^\\]]+\\]\\(command:${expected[index]?.replace(/\./g, '\\.')}\\)$`),
                step.id,
            );
            assert.ok(commands.has(expected[index] ?? ''));
            assert.notEqual(text(step.title), step.title, `${step.id}: title in package.nls.json`);
        });
    });

    it('ships its media', () => {
        const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8');
        for (const step of walkthrough?.steps ?? []) {
            const media = step.media.svg ?? (typeof step.media.image === 'string' ? step.media.image : '');
            assert.ok(existsSync(join(root, media)), media);
        }
        assert.match(ignore, /^!media\/walkthrough\/\*\*$/m);
    });
});

describe('the Explorer folder menu', () => {
    it("shows Parity's items only on the folders that hold a project", () => {
        const items = manifest.contributes.menus['explorer/context'] ?? [];
        assert.ok(items.length > 0);
        for (const item of items) {
            assert.match(item.when ?? '', /\bresourcePath in parity\.projectFolders\b/, item.command);
        }
    });
});
