import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apkInstalledPackages, dpkgInstalledPackages } from '../../../../src/core/snapshot/installedPackages';

describe('dpkgInstalledPackages', () => {
    it('keeps what is installed, by name, sorted; a removed package whose config files remain is not installed', () => {
        const status = [
            'Package: zlib1g',
            'Status: install ok installed',
            'Priority: optional',
            'Architecture: amd64',
            'Version: 1:1.2.13.dfsg-1',
            'Description: compression library - runtime',
            ' zlib is a library implementing the deflate compression method found',
            ' in gzip and PKZIP.  This package includes the shared library.',
            '',
            'Package: apache2',
            'Status: deinstall ok config-files',
            'Version: 2.4.62-1~deb12u2',
            '',
            'Package: bash',
            'Essential: yes',
            'Status: install ok installed',
            'Version: 5.2.15-2+b7',
            '',
        ].join('\n');
        assert.deepEqual(dpkgInstalledPackages([status]), { bash: '5.2.15-2+b7', zlib1g: '1:1.2.13.dfsg-1' });
        assert.deepEqual(Object.keys(dpkgInstalledPackages([status])), ['bash', 'zlib1g']);
    });

    it('status.d files (distroless) have no Status: what they list is installed; the first file naming one wins', () => {
        const base = 'Package: base-files\nVersion: 12.4+deb12u5\nArchitecture: amd64\n';
        const libc = 'Package: libc6\nVersion: 2.36-9+deb12u7\n\nPackage: base-files\nVersion: 99\n';
        assert.deepEqual(dpkgInstalledPackages([base, libc]), {
            'base-files': '12.4+deb12u5',
            libc6: '2.36-9+deb12u7',
        });
    });

    it('CRLF line ends, blank lines holding spaces and a paragraph without a version or name are read or skipped', () => {
        const text =
            'Package: a\r\nStatus: install ok installed\r\nVersion: 1\r\n \r\nPackage: b\r\n\r\nVersion: 3\r\n';
        assert.deepEqual(dpkgInstalledPackages([text]), { a: '1' });
        assert.deepEqual(dpkgInstalledPackages(['', '\n\n\n']), {});
    });

    it('a field name inside another field (a description line) is not taken for the field', () => {
        const text = 'Package: tool\nStatus: install ok installed\nVersion: 2\nDescription: x\n Version: 9\n';
        assert.deepEqual(dpkgInstalledPackages([text]), { tool: '2' });
    });
});

describe('apkInstalledPackages', () => {
    it('P: names a package and its V: line its version', () => {
        const text = 'C:Q1abc=\nP:musl\nV:1.2.5-r0\nA:x86_64\n\nC:Q1def=\nP:busybox\nV:1.36.1-r29\n';
        assert.deepEqual(apkInstalledPackages(text), { busybox: '1.36.1-r29', musl: '1.2.5-r0' });
    });
});
