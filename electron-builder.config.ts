import type { Configuration } from 'electron-builder'
import { afterPack } from './packaging/after-pack'

/**
 * `npm run dist`: installers for writers, who are not npm users. Built from
 * electron-vite's out/, with the window icon from resources/. Needs
 * Electron's binary (node_modules/electron), which electron-builder unpacks
 * into each app. The CLI's own bundle (out/cli) is for npm users and site
 * repositories' CI, so installers leave it out.
 */
const icon = 'resources/icon.png'

const config: Configuration = {
  appId: 'app.copydesk.desktop',
  productName: 'Copydesk',
  directories: { output: 'dist', buildResources: 'packaging' },
  files: ['out/**', '!out/cli/**', 'resources/**', 'package.json'],
  asar: true,
  afterPack,
  linux: { target: ['AppImage', 'deb'], icon, category: 'Office', maintainer: 'Copydesk <copydesk@example.invalid>' },
  mac: { target: ['dmg'], icon, category: 'public.app-category.productivity' },
  win: { target: ['nsis'], icon },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true }
}

export default config
