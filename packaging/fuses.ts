import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses'

/**
 * Electron's fuses, flipped in the packed binary (after-pack.ts): no running
 * as plain Node, no NODE_OPTIONS, no --inspect; cookies encrypted; the app
 * only from its asar, checked against the integrity hash electron-builder
 * records; and no extra privileges for file:, which the app does not use (it
 * serves itself from the copydesk:// scheme).
 */
export const fuseSettings = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false
} as const satisfies Omit<FuseV1Config, 'version'>

export const fuseConfig = (platform: NodeJS.Platform, arch: string): FuseV1Config => ({
  version: FuseVersion.V1,
  // Flipping fuses invalidates an Apple Silicon binary's ad-hoc signature; it is re-signed ad hoc (or properly, later).
  resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64',
  ...fuseSettings
})
