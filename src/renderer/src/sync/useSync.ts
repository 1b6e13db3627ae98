import { useCallback, useEffect, useRef, useState } from 'react'
import type { SyncStatus } from '../../../shared/sync-api'
import { call } from '../lib/api'
import { useCommand } from '../shell/useCommand'
import { settledCalls } from './settled-calls'
import { StatusAnswers } from './status-answers'

/**
 * Reading the status runs git in main. libraryChanged comes in bursts (saves
 * from another window or the CLI as someone types, a merge writing files),
 * and only a sync or another process's commit moves the counts: one read per
 * burst, once it has been quiet this long, is enough.
 */
const STATUS_QUIET_MS = 1_500

interface Options {
  /** Minutes between automatic syncs once the library is shared; 0 for none. */
  everyMinutes: number
  /** Before syncing: the open article's last changes go to the library, so the sync commits them. */
  beforeSync: () => Promise<void>
  /** After a sync: the open article may have changed underneath. */
  afterSync: () => Promise<void>
  onError: (error: unknown) => void
}

/**
 * The shared library's status and the Sync command (button, keys, menu,
 * timer). A failed sync is a status saying why, never an error dialog; one
 * sync runs at a time, and typing goes on while it does.
 */
export function useSync({ everyMinutes, beforeSync, afterSync, onError }: Options) {
  const [status, setStatus] = useState<SyncStatus | null>(null)
  const [syncing, setSyncing] = useState(false)
  const running = useRef(false)
  const answers = useRef(new StatusAnswers())
  const latest = useRef({ beforeSync, afterSync, onError })
  useEffect(() => {
    latest.current = { beforeSync, afterSync, onError }
  })

  const refresh = useCallback(() => {
    const current = answers.current.read()
    call('getSyncStatus').then(
      (answer) => {
        if (current()) setStatus(answer)
      },
      (error: unknown) => latest.current.onError(error)
    )
  }, [])
  useEffect(() => {
    refresh()
    const changes = settledCalls(refresh, STATUS_QUIET_MS)
    const unsubscribe = window.copydesk.on('libraryChanged', changes.poke)
    return () => {
      unsubscribe()
      changes.cancel()
    }
  }, [refresh])

  const syncNow = useCallback(async (): Promise<void> => {
    if (running.current) return
    running.current = true
    setSyncing(true)
    answers.current.syncStarted()
    try {
      await latest.current.beforeSync()
      const answer = await call('syncNow')
      answers.current.syncEnded()
      setStatus(answer)
      await latest.current.afterSync()
    } catch (error) {
      latest.current.onError(error)
    } finally {
      answers.current.syncEnded()
      running.current = false
      setSyncing(false)
    }
  }, [])
  useCommand('syncNow', () => void syncNow())

  const shared = status !== null && status.state !== 'not-shared'
  useEffect(() => {
    if (!shared || everyMinutes <= 0) return
    const timer = setInterval(() => void syncNow(), everyMinutes * 60_000)
    return () => clearInterval(timer)
  }, [shared, everyMinutes, syncNow])

  return { status, setStatus, syncing, syncNow, refresh }
}
