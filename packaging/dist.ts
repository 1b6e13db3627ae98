import { build } from 'electron-builder'
import config from '../electron-builder.config'

// `npm run dist`: the installers for this platform, from the configuration as the tests load it.
await build({ config, publish: 'never' })
