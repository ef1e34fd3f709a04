import { runtimeImage } from './chooseBaseImage';
import { chooseRuntimeVersion } from './chooseRuntimeVersion';
import type { PackageManagerPlan } from './Plan';
import type { EcosystemPlan, PlanContext } from './PlanContext';
import { nativeSystemPackages } from './nativeSystemPackages';
import { APP_USER } from './planPython';

/** The official ruby images' GEM_HOME and BUNDLE_APP_CONFIG: Bundler itself and `bundle config --local` live here. */
export const BUNDLE_HOME = '/usr/local/bundle';
/** Where deployment mode installs the gems, relative to the Gemfile. */
export const VENDOR_BUNDLE = 'vendor/bundle';
/** Bundler's shared download cache (BUNDLE_GLOBAL_GEM_CACHE): a BuildKit cache mount, never in the image. */
const GEM_CACHE = '/root/.bundle/cache';
const PUBLIC_SOURCE = 'https://rubygems.org';
const BUNDLER_VERSION = /^\d+\.\d+\.\d+(?:\.[\w.]+)?$/;
const PLAIN_PATH = /^[\w.-]+(?:\/[\w.-]+)*$/;

/**
 * Ruby: the Ruby that runs the app here (or its pin) in the official image; Bundler at Gemfile.lock's
 * BUNDLED WITH version installs the gems in deployment mode (frozen, without development and test) in a
 * build stage that alone has the compilers native gems need and the dependency mirror; the final stage copies
 * Bundler's home and vendor/bundle and runs as a non-root user.
 */
export function planRuby(context: PlanContext): EcosystemPlan | { readonly unsupported: string } {
    const { snapshot, options, os, app } = context;
    const version = chooseRuntimeVersion('ruby', snapshot.runtimes.ruby, options.overrides?.runtimeVersion);
    const base = runtimeImage('ruby', version.decision, os, {
        ...(options.baseImageRegistry ? { registry: options.baseImageRegistry } : {}),
        ...(options.baseImageOverride ? { override: options.baseImageOverride } : {}),
    });
    const warnings = [...version.warnings];
    const todo: string[] = [];
    const bundler = snapshot.packageManagers.find(
        (manager) => manager.ecosystem === 'ruby' && manager.name === 'bundler',
    );
    const locked = snapshot.lockfiles.some(
        (lockfile) => lockfile.manager === 'bundler' && lockfile.packageRoot === '.',
    );
    const mirror = options.dependencyMirrors?.rubygems;
    const framework = app.framework?.value ?? null;
    const env: Record<string, string> = {
        RACK_ENV: 'production',
        ...(framework === 'rails'
            ? { RAILS_ENV: 'production', RAILS_LOG_TO_STDOUT: '1', RAILS_SERVE_STATIC_FILES: '1' }
            : {}),
    };

    if (!bundler) {
        if (app.startCommand?.value[0] === 'bundle') {
            warnings.push(
                `There is no Gemfile, yet the start command runs \`${app.startCommand.value.join(' ')}\`: add a Gemfile (and Gemfile.lock) listing the gems the app needs.`,
            );
        }
        return { ecosystem: 'ruby', base, packageManager: null, user: APP_USER, env, warnings, todo };
    }

    const bundledWith = bundler.declared?.raw.trim() ?? null;
    const exactBundler = bundledWith !== null && BUNDLER_VERSION.test(bundledWith) ? bundledWith : null;
    if (!locked) {
        warnings.push(
            'There is no Gemfile.lock: bundle install resolves gem versions while the image builds, so two builds can differ. Run `bundle lock` and commit Gemfile.lock.',
        );
    } else if (bundledWith === null) {
        warnings.push(
            'Gemfile.lock has no BUNDLED WITH section: the image keeps its own Bundler, which may resolve differently. Run `bundle update --bundler` and commit Gemfile.lock.',
        );
    } else if (exactBundler === null) {
        warnings.push(
            `Gemfile.lock's BUNDLED WITH (${bundledWith}) is not a Bundler version: the image keeps its own Bundler. Run \`bundle update --bundler\` and commit Gemfile.lock.`,
        );
    }

    const native = snapshot.nativeDependencies.filter((dependency) => dependency.ecosystem === 'ruby');
    const systemPackages = nativeSystemPackages(native, 'ruby', os);
    const build = systemPackages?.build ?? [];
    const runtime = systemPackages?.runtime ?? [];
    if (native.length > 0 && os.libc === 'musl') {
        warnings.push(
            `${native.map((dependency) => dependency.name).join(', ')} compile on bundle install: add \`RUN apk add --no-cache build-base\` and their -dev packages to the deps stage (the packages named here are Debian's).`,
        );
    }

    // `ruby file: ".ruby-version"` / `ruby File.read(".ruby-version")`: bundle install reads that file too.
    const gemfileReads = (snapshot.runtimes.ruby?.declared ?? [])
        .filter((pin) => pin.source === 'Gemfile#ruby')
        .map((pin) => /^the Gemfile reads (.+?): /.exec(pin.note ?? '')?.[1] ?? '')
        .filter((file) => PLAIN_PATH.test(file) && !file.split('/').includes('..'));
    const setup: string[][] = [
        ...(exactBundler
            ? [
                  [
                      'gem',
                      'install',
                      'bundler',
                      '--version',
                      exactBundler,
                      '--no-document',
                      ...(mirror ? ['--clear-sources', '--source', mirror] : []),
                  ],
              ]
            : []),
        ...(mirror ? [['bundle', 'config', 'set', '--global', `mirror.${PUBLIC_SOURCE}`, mirror]] : []),
        ...(locked
            ? [['bundle', 'config', 'set', '--local', 'deployment', 'true']]
            : [['bundle', 'config', 'set', '--local', 'path', VENDOR_BUNDLE]]),
        ['bundle', 'config', 'set', '--local', 'without', 'development test'],
    ];
    const explained = [
        locked
            ? `Gemfile.lock pins every gem, so Bundler installs them in deployment mode (frozen: the lockfile must match the Gemfile) into ${VENDOR_BUNDLE}, without the development and test groups`
            : `Bundler installs the Gemfile's gems into ${VENDOR_BUNDLE} without the development and test groups`,
        exactBundler ? `Bundler ${exactBundler} as Gemfile.lock's BUNDLED WITH says` : "with the image's own Bundler",
        'Gemfile and Gemfile.lock are copied first, so that layer is reused until they change; downloads go through a BuildKit cache',
        ...(mirror
            ? [
                  `gems come from the mirror ${mirror} (bundle config mirror.${PUBLIC_SOURCE}, set only in the build stage)`,
              ]
            : []),
        ...(native.length > 0
            ? [
                  `${native.map((dependency) => dependency.name).join(', ')} compile, so the build stage alone gets ${build.join(' ')}${runtime.length > 0 ? ` and the final image only ${runtime.join(' ')}` : ''}`,
              ]
            : []),
    ];
    const packageManager: PackageManagerPlan = {
        name: 'bundler',
        version: exactBundler,
        why: `${explained.join('; ')}.`,
        manifests: ['Gemfile', ...(locked ? ['Gemfile.lock'] : []), ...gemfileReads],
        setup,
        install: ['bundle', 'install', '--jobs', '4'],
        build: null,
        prune: null,
        env: { ...(locked ? { BUNDLE_FROZEN: 'true' } : {}), BUNDLE_GLOBAL_GEM_CACHE: 'true' },
        cacheDir: GEM_CACHE,
    };
    if (framework === 'rails') {
        warnings.push(
            'Rails in production needs SECRET_KEY_BASE (or config/master.key) when it starts: give it to the sandbox or target as a secret, never in the image. Assets are not precompiled; if the app serves them, add `RUN SECRET_KEY_BASE_DUMMY=1 bin/rails assets:precompile` after the sources are copied.',
        );
    }
    return {
        ecosystem: 'ruby',
        base,
        packageManager,
        ...(systemPackages ? { systemPackages } : {}),
        user: APP_USER,
        env,
        warnings,
        todo,
    };
}
