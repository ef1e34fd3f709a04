/** Folder fragments that identify who installed a runtime binary. Order matters: the first match wins. */
const MANAGERS: readonly (readonly [RegExp, string])[] = [
    [/[\\/]\.nvm[\\/]/, 'nvm'],
    [/[\\/]\.volta[\\/]|[\\/]Volta[\\/]/, 'volta'],
    [/[\\/](\.)?fnm[\\/]|[\\/]fnm_multishells[\\/]/, 'fnm'],
    [/[\\/]\.asdf[\\/]/, 'asdf'],
    [/[\\/]mise[\\/]/, 'mise'],
    [/[\\/]\.pyenv[\\/]|[\\/]pyenv-win[\\/]/, 'pyenv'],
    [/[\\/]\.rbenv[\\/]/, 'rbenv'],
    [/[\\/]\.rvm[\\/]/, 'rvm'],
    [/[\\/]\.sdkman[\\/]/, 'sdkman'],
    [/[\\/]\.goenv[\\/]/, 'goenv'],
    [/[\\/]\.jenv[\\/]/, 'jenv'],
    [/[\\/](conda|miniconda3|anaconda3|miniforge3)[\\/]/, 'conda'],
    [/[\\/]\.venv[\\/]|[\\/]venv[\\/]|[\\/]virtualenvs[\\/]/, 'virtualenv'],
    [/[\\/](homebrew|Cellar|linuxbrew)[\\/]/, 'homebrew'],
    [/[\\/]nix[\\/]store[\\/]/, 'nix'],
];

/** Which version manager provided the executable at `path`; "system" when none did. */
export function runtimeManagerOf(path: string | null): string {
    if (!path) {
        return 'system';
    }
    return MANAGERS.find(([pattern]) => pattern.test(path))?.[1] ?? 'system';
}
