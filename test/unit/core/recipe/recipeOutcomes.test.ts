import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recipeOutcomes } from '../../../../src/core/recipe/recipeOutcomes';
import type { RecipeFile } from '../../../../src/core/recipe/writeRecipe';

const file = (name: RecipeFile['name'], status: RecipeFile['status']): RecipeFile => ({
    name,
    path: `/p/${name}`,
    status,
    proposed: '',
});

describe('recipeOutcomes', () => {
    it('says what happened to each file, then the plan', () => {
        assert.deepEqual(
            recipeOutcomes([file('Dockerfile', 'new'), file('.dockerignore', 'same')], undefined, '.parity/plan.json'),
            [
                { name: 'Dockerfile', how: 'written' },
                { name: '.dockerignore', how: 'unchanged' },
                { name: '.parity/plan.json', how: 'written' },
            ],
        );
    });

    it("tells the user's files replaced with a yes from those kept", () => {
        const outcomes = recipeOutcomes(
            [file('Dockerfile', 'user'), file('.dockerignore', 'user')],
            new Set(['.dockerignore']),
            'plan',
        );
        assert.deepEqual(
            outcomes.map((outcome) => outcome.how),
            ['kept', 'replaced', 'written'],
        );
        assert.equal(recipeOutcomes([file('Dockerfile', 'parity')], undefined, 'plan')[0]?.how, 'updated');
    });
});
