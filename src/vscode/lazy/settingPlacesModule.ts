// The check for settings VS Code ignores where they were put reads settings files with a JSONC parser: bundled
// apart as dist/settingPlaces.js, which the shell requires just after activation, not in it.
export { SettingPlacesCheck } from '../SettingPlacesCheck';
