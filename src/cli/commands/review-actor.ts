import { homedir } from 'node:os'
import { join } from 'node:path'
import { UserError } from '../../shared/ipc/result'
import { actorSchema, type Actor } from '../../shared/review/actor'
import { settingsSchema } from '../../shared/settings'
import { readJsonIfExists } from '../../main/library/json-file'

/** The app's user-data folder, where Electron's app.getPath('userData') puts it for Copydesk. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env['COPYDESK_USER_DATA']) return env['COPYDESK_USER_DATA']
  const appData =
    platform === 'win32'
      ? (env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'))
  return join(appData, 'Copydesk')
}

function parseActor(value: string): Actor {
  const colon = value.lastIndexOf(':')
  const parsed = actorSchema.safeParse({ name: value.slice(0, colon), role: value.slice(colon + 1).trim() })
  if (colon < 0 || !parsed.success) throw new UserError('invalid-input', `“${value}” does not say who you are: write --as "Name:role", with the role writer or editor.`)
  return parsed.data
}

/** The app's profile; an unreadable settings file counts as none, and the caller says what to do. */
export async function appProfile(): Promise<Actor | null> {
  const settings = (await readJsonIfExists(join(userDataDir(), 'settings.json')).catch(() => null)) as { profile?: unknown } | null
  const parsed = settingsSchema.shape.profile.safeParse(settings?.profile)
  return parsed.success ? parsed.data : null
}

/** Who a review command acts as: `--as`, else the app's profile; refused when neither says. */
export async function cliActor(as: string | undefined): Promise<Actor> {
  if (as !== undefined) return parseActor(as)
  const profile = await appProfile()
  if (profile) return profile
  throw new UserError('invalid-input', 'Say who you are with --as "Name:role" (role writer or editor), or set up your profile in the Copydesk app first.')
}
