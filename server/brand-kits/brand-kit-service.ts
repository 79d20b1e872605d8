import type { BrandKitFields, SavedBrandKit } from '#shared/campaign'
import type { BrandKitRow } from '../db/schema'
import { BrandKitLimitError, BrandKitNotFoundError } from './brand-kit-errors'
import type { BrandKitsRepository } from './brand-kits-repository'

function toSavedBrandKit(row: BrandKitRow): SavedBrandKit {
  const { fields } = row
  return {
    id: row.id,
    name: row.name,
    ...(fields.accountName && { accountName: fields.accountName }),
    ...(fields.voice && { voice: fields.voice }),
    exampleSentences: fields.exampleSentences ?? [],
    palette: fields.palette,
    bannedTerms: fields.bannedTerms,
    requiredHashtags: fields.requiredHashtags,
    ...(fields.requiredDisclaimer && { requiredDisclaimer: fields.requiredDisclaimer }),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/**
 * A user's saved brand kits. A campaign copies a kit's fields into its brief when launched, so
 * nothing here reaches a campaign already launched.
 */
export class BrandKitService {
  constructor(private readonly repository: BrandKitsRepository, private readonly maxPerUser: number) {}

  async list(ownerId: string): Promise<SavedBrandKit[]> {
    return (await this.repository.list(ownerId)).map(toSavedBrandKit)
  }

  async get(ownerId: string, id: string): Promise<SavedBrandKit> {
    const row = await this.repository.find(ownerId, id)
    if (!row) throw new BrandKitNotFoundError(id)
    return toSavedBrandKit(row)
  }

  async exists(ownerId: string, id: string): Promise<boolean> {
    return (await this.repository.find(ownerId, id)) !== null
  }

  async create(ownerId: string, fields: BrandKitFields): Promise<SavedBrandKit> {
    const row = await this.repository.create(ownerId, fields, this.maxPerUser)
    if (!row) throw new BrandKitLimitError(this.maxPerUser)
    return toSavedBrandKit(row)
  }

  async update(ownerId: string, id: string, fields: BrandKitFields): Promise<SavedBrandKit> {
    const row = await this.repository.update(ownerId, id, fields)
    if (!row) throw new BrandKitNotFoundError(id)
    return toSavedBrandKit(row)
  }

  async delete(ownerId: string, id: string): Promise<void> {
    if (!await this.repository.delete(ownerId, id)) throw new BrandKitNotFoundError(id)
  }
}
