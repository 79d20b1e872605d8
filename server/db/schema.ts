import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

// The single description of the tables. Migrations in ./migrations create exactly this; a test
// compares the two so they cannot drift apart.

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stored lower-cased, so uniqueness ignores case. */
  email: text('email').notNull(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, table => [
  uniqueIndex('users_email_key').on(table.email),
])

export const personalAccessTokens = pgTable('personal_access_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  /** SHA-256 of the secret: the secret itself is shown once and never stored. */
  tokenHash: text('token_hash').notNull(),
  /** The first characters of the secret, shown in lists so tokens can be told apart. */
  tokenPrefix: text('token_prefix').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, table => [
  uniqueIndex('personal_access_tokens_token_hash_key').on(table.tokenHash),
  index('personal_access_tokens_user_id_idx').on(table.userId),
])

export const schema = { users, personalAccessTokens }
export type UserRow = typeof users.$inferSelect
export type PersonalAccessTokenRow = typeof personalAccessTokens.$inferSelect
