import { prepareDatabaseTemplate } from './app-server'

/** Vitest global set-up: the database template is made before any test's hook starts its timer. */
export default async function setup(): Promise<void> {
  await prepareDatabaseTemplate()
}
