import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageTitle } from '../../../../src/core/plan/imageTitle';

describe('imageTitle', () => {
    it("the manifest's name, else the app's folder, else the project's folder", () => {
        assert.equal(imageTitle('/home/dev/shop', '.', '@shop/backend'), '@shop/backend');
        assert.equal(imageTitle('/home/dev/shop', 'packages/backend', undefined), 'backend');
        assert.equal(imageTitle('/home/dev/shop', '.', undefined), 'shop');
        assert.equal(imageTitle('C:\\work\\shop', '.', undefined), 'shop');
    });

    it('a hostile name loses line breaks, control and bidi characters; an empty or overlong one falls back to the folder', () => {
        assert.equal(imageTitle('/p/shop', '.', 'evil\nLABEL x=y\r\u0000'), 'evil LABEL x=y');
        assert.equal(imageTitle('/p/shop', '.', 'a\u202Eb\u200Bc'), 'a b c');
        assert.equal(imageTitle('/p/shop', '.', ' \t\n '), 'shop');
        assert.equal(imageTitle('/p/shop', '.', 'x'.repeat(129)), 'shop');
    });
});
