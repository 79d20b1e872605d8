/**
 * One step of the schema's history. Steps are plain SQL kept in TypeScript so the production bundle
 * carries them; they are applied in order, each once, each in its own transaction.
 */
export interface Migration {
  /** Unique and sortable; never renamed once released. */
  id: string
  statements: string[]
}
