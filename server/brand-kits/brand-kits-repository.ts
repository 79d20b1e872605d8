import { and, asc, eq } from 'drizzle-orm'
import type { BrandKitFields } from '#shared/campaign'
import { isUuid } from '../accounts/users-repository'
import type { Database } from '../db/database'
import { insertUnderCap } from '../db/insert-under-cap'
import { brandKits, type BrandKitRow } from '../db/schema'

/** Namespace of the advisory locks that let one kit per owner in at a time. */
const BRAND_KIT_LOCK_SPACE = 7302

/** Saved brand kits, always read and written for their owner: another owner's id finds nothing. */
export class BrandKitsRepository {
  constructor(private readonly db: Database) {}

  /** The owner's kits by name. */
  async list(ownerId: string): Promise<BrandKitRow[]> {
    return this.db.select().from(brandKits).where(eq(brandKits.ownerId, ownerId)).orderBy(asc(brandKits.name), asc(brandKits.createdAt))
  }

  async find(ownerId: string, id: string): Promise<BrandKitRow | null> {
    if (!isUuid(id)) return null
    const [row] = await this.db.select().from(brandKits).where(and(eq(brandKits.id, id), eq(brandKits.ownerId, ownerId))).limit(1)
    return row ?? null
  }

  /** Saves a kit unless the owner already has `cap`; null then (`insertUnderCap`: racing saves cannot pass it). */
  async create(ownerId: string, fields: BrandKitFields, cap: number): Promise<BrandKitRow | null> {
    const scope = { table: brandKits, lockSpace: BRAND_KIT_LOCK_SPACE, key: ownerId, counted: eq(brandKits.ownerId, ownerId), cap }
    return insertUnderCap(this.db, scope, { ownerId, name: fields.name, fields })
  }

  async update(ownerId: string, id: string, fields: BrandKitFields): Promise<BrandKitRow | null> {
    if (!isUuid(id)) return null
    const [row] = await this.db.update(brandKits).set({ name: fields.name, fields, updatedAt: new Date() })
      .where(and(eq(brandKits.id, id), eq(brandKits.ownerId, ownerId))).returning()
    return row ?? null
  }

  async delete(ownerId: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false
    const rows = await this.db.delete(brandKits).where(and(eq(brandKits.id, id), eq(brandKits.ownerId, ownerId))).returning({ id: brandKits.id })
    return rows.length === 1
  }
}
