import { join } from 'node:path'
import { flipFuses } from '@electron/fuses'
import { Arch, type AfterPackContext } from 'electron-builder'
import { fuseConfig } from './fuses'

/** Where the packed Electron binary sits in each platform's app folder. */
function packedBinary(context: AfterPackContext): string {
  const { appOutDir, electronPlatformName, packager } = context
  const name = packager.appInfo.productFilename
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${name}.app`)
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`)
  // Linux's packager names the binary after the package's executableName.
  return join(appOutDir, (packager as unknown as { executableName: string }).executableName)
}

/**
 * electron-builder's afterPack hook: flips the fuses in the packed Electron binary before the
 * installer is made and before signing.
 */
export async function afterPack(context: AfterPackContext): Promise<void> {
  await flipFuses(packedBinary(context), fuseConfig(context.electronPlatformName as NodeJS.Platform, Arch[context.arch]))
}
