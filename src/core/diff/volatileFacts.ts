/**
 * Facts that differ between any two captures and say nothing about whether the app works: never findings.
 * The one list of them, shown in docs/diff.md. Snapshot fields not compared at all: meta (capture time,
 * duration, source, tool), platform.kernel (a container shares its host's), user.name and user.home
 * (the uid is what the kernel checks), timezone.tzVar (the zone itself is compared), locale.vars (the
 * effective locale is compared), packageManagers, lockfiles and issues (facts about the project, not the environment).
 */
export const VOLATILE_ENV_NAMES: ReadonlySet<string> = new Set([
    // Per machine, per session or per shell: differ on every capture.
    'HOSTNAME',
    'HOME',
    'USER',
    'LOGNAME',
    'MAIL',
    'SHELL',
    'SHLVL',
    'PWD',
    'OLDPWD',
    '_',
    'PS1',
    'PROMPT_COMMAND',
    'TERM',
    'COLORTERM',
    'LS_COLORS',
    'LESSOPEN',
    'LESSCLOSE',
    'EDITOR',
    'VISUAL',
    'PAGER',
    'MANPATH',
    'INFOPATH',
    'DISPLAY',
    'XAUTHORITY',
    'SESSION_MANAGER',
    'DESKTOP_SESSION',
    'GPG_TTY',
    'SSH_AUTH_SOCK',
    'SSH_AGENT_PID',
    'INVOCATION_ID',
    'JOURNAL_STREAM',
    'SYSTEMD_EXEC_PID',
    'MOTD_SHOWN',
    'HISTFILE',
    'HISTSIZE',
    'HISTCONTROL',
    'STY',
    'WINDOW',
    'container',
    // PATH always differs between a laptop and an image (home folders, version-manager shims). Values are
    // hashes, so a difference only by the home folder cannot be told from a real one; the runtimes facet
    // compares what PATH resolves to instead.
    'PATH',
    // Compared by their own facets (locale, timezone), so never reported twice.
    'LANG',
    'LANGUAGE',
    'LC_ALL',
    'LC_CTYPE',
    'LC_COLLATE',
    'LC_MESSAGES',
    'LC_NUMERIC',
    'LC_TIME',
    'LC_MONETARY',
    'TZ',
]);

/** Prefixes of editors, terminals, desktops and version managers: tooling around the app, not its environment. */
export const VOLATILE_ENV_PREFIXES: readonly string[] = [
    'VSCODE_',
    'ELECTRON_',
    'CHROME_',
    'TERM_',
    'XDG_',
    'DBUS_',
    'WAYLAND_',
    'GNOME_',
    'KDE_',
    'GDM',
    'GTK_',
    'QT_',
    'SSH_',
    'TMUX',
    'ITERM_',
    'WT_',
    'KONSOLE_',
    'NVM_',
    'PYENV_',
    'ASDF_',
    'MISE_',
    'VOLTA_',
    'FNM_',
    'npm_',
    'GIT_ASKPASS',
    'PARITY_',
];

export function isVolatileEnvName(name: string): boolean {
    return VOLATILE_ENV_NAMES.has(name) || VOLATILE_ENV_PREFIXES.some((prefix) => name.startsWith(prefix));
}
