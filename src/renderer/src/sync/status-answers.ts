/**
 * Which answers about the sync status may still be shown. Status reads follow
 * bursts of library changes and run git in main, so one asked before a sync
 * (or while it ran) can answer after it: shown then, it would put back the
 * state the sync replaced, such as "Synced" over "Not synced: <reason>", and
 * nothing would correct it until the next change. A sync's own answer is
 * always the newest; a read counts only if no sync ran or finished while it
 * was asked and no later read was asked meanwhile.
 */
export class StatusAnswers {
  private reads = 0
  private syncsDone = 0
  private syncing = false

  /** Call as a status read is asked; the function says, once it answers, whether that answer is still current. */
  read(): () => boolean {
    const read = ++this.reads
    const syncsDone = this.syncsDone
    const duringSync = this.syncing
    return () => !duringSync && !this.syncing && read === this.reads && syncsDone === this.syncsDone
  }

  syncStarted(): void {
    this.syncing = true
  }

  /** Once the sync's answer is in (or it failed); again after that changes nothing. */
  syncEnded(): void {
    if (!this.syncing) return
    this.syncing = false
    this.syncsDone++
  }
}
