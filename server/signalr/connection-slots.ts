/** One connection's place in its principal's count. */
export interface ConnectionSlot {
  userId: string
  connectionId: string
}

/**
 * Each principal's open connections counted on every instance, for the cap on them. Without it an
 * endpoint counts the connections it holds. An instance that dies leaves no slot behind for long:
 * each instance renews the slots of the connections it holds, and a slot not renewed lapses.
 */
export interface SharedConnectionSlots {
  /** How often the endpoint renews its slots: well within the time a slot lasts unrenewed. */
  readonly renewEveryMs: number
  /** Takes the connection's slot; resolves with how many other connections its principal holds anywhere. */
  take(slot: ConnectionSlot): Promise<number>
  /** Gives the slot back: the connection ended, or was refused after taking it. */
  release(slot: ConnectionSlot): void
  /** Renews the slots of the connections this instance still holds. */
  renew(slots: readonly ConnectionSlot[]): Promise<void>
}
