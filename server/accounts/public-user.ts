import type { PublicUser } from '#shared/types/account'
import type { UserRow } from '../db/schema'

export function toPublicUser(user: UserRow): PublicUser {
  return { id: user.id, email: user.email, name: user.name, createdAt: user.createdAt.toISOString() }
}
