/** One connection, used where statements must share a session (advisory locks, transactions). */
export interface SqlSession {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>
}
