import satisfies from 'semver/functions/satisfies';
import validRange from 'semver/ranges/valid';
import { HoduError } from '../errors';
import { SDK_VERSION } from '../version';

export function isValidSdkRange(range: string): boolean {
  return validRange(range) !== null;
}

/** Whether this hodu's SDK satisfies a plugin's declared range. */
export function sdkCompatible(range: string, sdkVersion: string = SDK_VERSION): boolean {
  return isValidSdkRange(range) && satisfies(sdkVersion, range);
}

/** Throws E_SDK_INCOMPATIBLE naming the plugin and both versions, with what to do next. */
export function assertSdkCompatible(plugin: string, range: string, sdkVersion: string = SDK_VERSION): void {
  if (sdkCompatible(range, sdkVersion)) return;
  throw new HoduError('E_SDK_INCOMPATIBLE', `plugin '${plugin}' needs SDK ${range}, but this hodu provides SDK ${sdkVersion}`, {
    hint: `update the plugin's "hodu.sdk" range and run \`hodu plugin rebuild ${plugin}\`, or install a hodu whose SDK matches`,
  });
}
