import { cp, mkdtemp, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

/*
 * Creating an embedded database runs PostgreSQL's initdb inside WebAssembly: seconds of CPU, most of
 * what a test server spends starting, and many times that on a busy machine. A test server whose
 * data directory is empty starts instead from a copy of a database made once per build: created by
 * the same server, migrated, holding no rows. It lives inside the build folder, so a new build drops
 * it with everything else. Making the template is a real first start, in every run.
 */

/** The build's template folder, made first (by `createIn`, given a scratch data directory) if there is none yet. */
export async function databaseTemplate(buildDir: string, createIn: (dataDir: string) => Promise<void>): Promise<string> {
  const template = join(buildDir, '.test-database')
  if (await exists(template)) return template
  const scratch = await mkdtemp(join(buildDir, '.test-database-'))
  try {
    await createIn(scratch)
    // Renaming a folder is atomic: when two test files race to make the template, one copy wins whole.
    await rename(join(scratch, 'db'), template).catch((error: NodeJS.ErrnoException) => {
      if (!['EEXIST', 'ENOTEMPTY'].includes(error.code ?? '')) throw error
    })
  }
  finally {
    await rm(scratch, { recursive: true, force: true })
  }
  return template
}

/** Gives a new data directory its own copy of the template's database. */
export async function seedEmbeddedDatabase(dataDir: string, template: string): Promise<void> {
  await cp(template, join(dataDir, 'db'), { recursive: true })
}

const exists = (path: string) => stat(path).then(() => true, () => false)
