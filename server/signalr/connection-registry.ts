import type { HubConnection } from './connection/hub-connection'

/** The connections an endpoint knows, by the token clients present, with a count per user. */
export class ConnectionRegistry {
  private readonly byToken = new Map<string, HubConnection>()
  private readonly perUser = new Map<string, number>()

  /** `removed` hears of each connection once it is forgotten. */
  constructor(private readonly removed: (connection: HubConnection) => void = () => {}) {}

  get size(): number {
    return this.byToken.size
  }

  add(connection: HubConnection): void {
    this.byToken.set(connection.connectionToken, connection)
    this.perUser.set(connection.userId, this.countFor(connection.userId) + 1)
  }

  get(token: string): HubConnection | undefined {
    return this.byToken.get(token)
  }

  delete(connection: HubConnection): void {
    if (!this.byToken.delete(connection.connectionToken)) return
    this.removed(connection)
    const remaining = this.countFor(connection.userId) - 1
    if (remaining > 0) this.perUser.set(connection.userId, remaining)
    else this.perUser.delete(connection.userId)
  }

  /** Connections of `userId` still known: open, negotiated but unused, or closing. */
  countFor(userId: string): number {
    return this.perUser.get(userId) ?? 0
  }

  /** A copy, safe to iterate while connections close. */
  all(): HubConnection[] {
    return [...this.byToken.values()]
  }
}
