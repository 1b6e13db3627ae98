import { Arch, type AfterPackContext } from 'electron-builder'
import { fuseConfig } from './fuses'

/**
 * electron-builder's afterPack hook: flips the fuses in the packed Electron
 * binary before the installer is made and before signing, through the
 * packager's own helper, which knows where each platform keeps the binary.
 */
export async function afterPack(context: AfterPackContext): Promise<void> {
  await context.packager.addElectronFuses(context, fuseConfig(context.electronPlatformName as NodeJS.Platform, Arch[context.arch]))
}
