import { defineConfig } from 'drizzle-kit'

// Used to draft the SQL of a new migration after changing server/db/schema.ts:
//   npx drizzle-kit generate   (then copy the statements into a new server/db/migrations/ file)
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema.ts',
  out: './.data/drizzle-drafts',
})
