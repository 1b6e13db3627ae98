import { channelNames, type ChannelName, type StartupProblem, type WindowStart } from '../../shared/ipc/contract'
import { UserError } from '../../shared/ipc/result'
import type { HandlerContext, Handlers } from '../ipc/dispatch'
import { createHandlers } from '../ipc/handlers'
import { plainFailure } from '../ipc/plain-error'
import type { Services } from '../services'

export interface StartupDeps {
  /** Opens everything the handlers work on, with the library in `folder`, or the usual one when null. */
  open: (folder: string | null) => Promise<Services>
  /** The folder `open(null)` opens, named when it fails. */
  defaultFolder: string
  /** The native folder dialog; null if cancelled. */
  chooseFolder: () => Promise<string | null>
  /** Shows a folder in the file manager. */
  revealFolder: (folder: string) => Promise<void> | void
  /** Called once, when the app has started, with what it runs on (menus, watchers, quitting). */
  onStarted?: (services: Services) => void
}

type StartupChannel = 'getWindowStart' | 'retryStartup' | 'startWithOtherFolder' | 'showStartupFolder'

/**
 * Starting the app so that a window always opens: any failure to open the
 * library (or anything else start-up needs) becomes a problem in plain words
 * that the window shows with ways out, instead of an unhandled rejection and
 * no window. Its handlers answer every channel from the start: the startup
 * channels always, the others once the app runs, with a plain refusal before.
 */
export class AppStartup {
  private services: Services | null = null
  private problem: StartupProblem | null = null
  private ready: Handlers | null = null
  private attempt: Promise<StartupProblem | null> | null = null
  /** What the last attempt opened, so “Try again” tries the same. */
  private tried: string | null = null
  readonly handlers: Handlers

  constructor(private readonly deps: StartupDeps) {
    const startup: Pick<Handlers, StartupChannel> = {
      // Asked as the window loads: an attempt still running is waited for, then the app's own answer or the problem.
      getWindowStart: async (request, ctx) => {
        await this.attempt
        if (!this.ready && this.problem) return { problem: this.problem }
        return this.forward('getWindowStart', request, ctx) as Promise<WindowStart>
      },
      retryStartup: () => this.start(this.tried),
      startWithOtherFolder: async () => {
        if (this.services) return null
        const folder = await deps.chooseFolder()
        return folder ? this.start(folder) : this.problem
      },
      showStartupFolder: async () => {
        if (this.problem) await deps.revealFolder(this.problem.folder)
      }
    }
    const delegated = Object.fromEntries(
      channelNames.map((name) => [name, (request: unknown, ctx: HandlerContext) => this.forward(name, request, ctx)])
    ) as unknown as Handlers
    this.handlers = { ...delegated, ...startup }
  }

  /** What the app runs on, once it runs. */
  get started(): Services | null {
    return this.services
  }

  /**
   * Opens the library in `folder` (the usual one when null). Never rejects:
   * resolves with the problem, or null once the app runs. Calls made while an
   * attempt runs wait for it rather than open a second library.
   */
  start(folder: string | null = null): Promise<StartupProblem | null> {
    if (this.services) return Promise.resolve(null)
    this.attempt ??= this.open(folder).finally(() => (this.attempt = null))
    return this.attempt
  }

  private async open(folder: string | null): Promise<StartupProblem | null> {
    const where = folder ?? this.deps.defaultFolder
    this.tried = folder
    try {
      const services = await this.deps.open(folder)
      this.services = services
      this.ready = createHandlers(services)
      this.problem = null
      this.deps.onStarted?.(services)
      return null
    } catch (error) {
      console.error('[copydesk] could not start', error)
      const reason = plainFailure(error)
      this.problem = {
        message: `Copydesk could not open the library in “${where}”. ${reason.ok ? '' : reason.error.message}`.trim(),
        folder: where
      }
      return this.problem
    }
  }

  private forward(name: ChannelName, request: unknown, ctx: HandlerContext): unknown {
    if (!this.ready) {
      throw new UserError('conflict', 'No library is open yet: try again, or open another folder, from the start-up window.')
    }
    return (this.ready[name] as (request: unknown, ctx: HandlerContext) => unknown)(request, ctx)
  }
}
