import type { Snapshot } from '../snapshot/Snapshot';
import type { ByDesignNote, CaPlan, Plan } from './Plan';

/** The planned image, as far as the notes need it. */
export interface PlannedImage {
    readonly ecosystem: Plan['ecosystem'];
    readonly user: string;
    readonly env: Readonly<Record<string, string>>;
    readonly ca: CaPlan;
    readonly appRoot: string;
}

/**
 * Variables of this machine that Parity leaves out of the image on purpose, by family: the shell's and the
 * desktop's own, the editor's and version managers' — an image that copied them would carry this laptop.
 */
const HOST_OWN = [
    'HOME',
    'HOSTNAME',
    'USER',
    'LOGNAME',
    'SHELL',
    'SHLVL',
    'PWD',
    'OLDPWD',
    '_',
    'MAIL',
    'TERM',
    'TERM_*',
    'COLORTERM',
    'COLORFGBG',
    'LS_COLORS',
    'LESS*',
    'PAGER',
    'EDITOR',
    'VISUAL',
    'DISPLAY',
    'WAYLAND_*',
    'XDG_*',
    'DBUS_*',
    'XAUTHORITY',
    'DESKTOP_SESSION',
    'GDM*',
    'SSH_*',
    'GPG_*',
    'SUDO_*',
    'TMUX*',
    'STY',
    'WINDOWID',
    'HIST*',
    'PS1',
    'PROMPT_*',
    'MOTD_SHOWN',
    'INVOCATION_ID',
    'JOURNAL_STREAM',
    'VSCODE_*',
    'TERM_PROGRAM*',
    'ELECTRON_*',
    'CHROME_*',
    'GIT_*',
    'npm_*',
    'NVM_*',
    'PYENV*',
    'ASDF_*',
    'MISE_*',
    'VOLTA_*',
    'FNM_*',
    'CONDA_*',
    'HOMEBREW_*',
    'MANPATH',
    'INFOPATH',
    'CLICOLOR*',
];

/**
 * Name families that carry credentials (as isSecretName sees them): never copied into an image, whose
 * layers anyone who pulls it can read. The app gets them at run time.
 */
const SECRETS = [
    '*TOKEN*',
    '*SECRET*',
    '*KEY*',
    '*PASSWORD*',
    '*PASSWD*',
    '*PASSPHRASE*',
    '*PWD*',
    '*_PASS',
    '*CREDENTIAL*',
    '*PRIVATE*',
    '*AUTH*',
    '*COOKIE*',
    '*SIGNING*',
    '*SALT*',
    '*WEBHOOK*',
    '*DSN*',
    '*DATABASE_URL*',
];

/** What the official base images set for their own tooling, by ecosystem (the Go image runs on a plain OS image). */
const IMAGE_TOOLING: Partial<Record<Plan['ecosystem'], readonly string[]>> = {
    node: ['NODE_VERSION', 'YARN_VERSION'],
    python: ['PYTHON_*', 'GPG_KEY'],
};

/** Every difference between this snapshot's environment and the planned image that Parity makes on purpose, with the reason. */
export function byDesignNotes(snapshot: Snapshot, image: PlannedImage): ByDesignNote[] {
    const notes: ByDesignNote[] = [];
    const add = (facet: ByDesignNote['facet'], keys: readonly string[], reason: string, imageOnly = false): void => {
        notes.push(...keys.map((key) => ({ facet, key, reason, ...(imageOnly ? { imageOnly: true as const } : {}) })));
    };
    add(
        'user',
        ['uid', 'gid', 'name', 'home', 'root'],
        `the app runs as the non-root user ${image.user} of the image, so a flaw in it cannot change the image's files or act as root`,
    );
    add(
        'app',
        ['root', 'workingDir'],
        `the image keeps the app in /app${image.appRoot === '.' ? '' : `/${image.appRoot}`}, the same path wherever it runs; here it is the project folder`,
    );
    add(
        'runtimes',
        ['*.installed.path', '*.installed.manager'],
        "the image's runtime is the one its official base image installs (under /usr/local); the version is what the plan pins",
    );
    add(
        'systemPackages',
        ['*'],
        "the image carries only its slim base image's packages and what the recipe installs, not this machine's",
    );

    for (const [name, value] of Object.entries(image.env)) {
        add('env', [name], `the plan sets ${name}=${value} for the image (see env in .parity/plan.json)`);
    }
    if (image.env.PATH === undefined) {
        add(
            'env',
            ['PATH'],
            "the image's PATH is its base image's: the runtime and the app's tools, not this machine's own tools",
        );
    }
    add('env', IMAGE_TOOLING[image.ecosystem] ?? [], 'the official base image sets it to describe its own runtime');
    add(
        'env',
        HOST_OWN,
        "this machine's own variable (shell, desktop, editor, version manager): Parity copies none of them into the image",
    );
    add(
        'env',
        SECRETS,
        'a credential is never baked into an image (anyone who pulls it can read its layers): give it to the app at run time (docker run -e / --env-file)',
        true,
    );
    const dotenv = Object.entries(snapshot.env)
        .filter(([, fact]) => typeof fact.source === 'object' && fact.source.kind === 'dotenv')
        .map(([name]) => name)
        .sort();
    add(
        'env',
        dotenv,
        '.env is not copied into the image (.dockerignore keeps it out): give its values to the app at run time (docker run --env-file .env)',
        true,
    );

    if (Object.keys(snapshot.certificates.settings).length > 0 || image.ca.needed) {
        add(
            'certificates',
            ['settings.*'],
            'the image sets no CA variables of this machine: its paths exist only here',
        );
        // The same settings seen as variables (SSL_CERT_FILE …); the npmrc entries are files, not variables.
        add(
            'env',
            Object.keys(snapshot.certificates.settings).filter((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)),
            'the image sets no CA variables of this machine: its paths exist only here',
        );
    }
    if (image.ca.needed && !image.ca.bakeIntoImage) {
        add(
            'certificates',
            ['extra'],
            `this machine's extra CAs are given only to the dependency installs (the BuildKit secret "${image.ca.secretId}") and kept out of the image; the plan's bakeCa option keeps them in`,
        );
    }
    return notes;
}
