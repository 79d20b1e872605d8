import { eq } from 'drizzle-orm'
import type { Database } from '../db/database'
import { users, type UserRow } from '../db/schema'
import { isUniqueViolation } from '../db/unique-violation'

export interface NewUser {
  email: string
  name: string
  passwordHash: string
}

export class UsersRepository {
  constructor(private readonly db: Database) {}

  /** The created user, or null when the email is already registered. */
  async create(user: NewUser): Promise<UserRow | null> {
    try {
      const [row] = await this.db.insert(users).values({ ...user, email: user.email.toLowerCase() }).returning()
      return row ?? null
    }
    catch (error) {
      if (isUniqueViolation(error)) return null
      throw error
    }
  }

  async findByEmail(email: string): Promise<UserRow | null> {
    const [row] = await this.db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1)
    return row ?? null
  }

  async findById(id: string): Promise<UserRow | null> {
    if (!isUuid(id)) return null
    const [row] = await this.db.select().from(users).where(eq(users.id, id)).limit(1)
    return row ?? null
  }
}

/** Ids arrive from cookies, tokens and URLs; anything that is not a UUID cannot match a row. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
}
