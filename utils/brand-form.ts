import type { BrandKit, BrandKitRequest, SavedBrandKit } from '#shared/campaign'

/** A brand's fields as a form holds them: every text as typed (blank when unset), lists line by line. */
export interface BrandFormValues {
  name: string
  accountName: string
  voice: string
  exampleSentences: string[]
  palette: string[]
  bannedTerms: string[]
  requiredHashtags: string[]
  requiredDisclaimer: string
}

export function emptyBrandForm(): BrandFormValues {
  return { name: '', accountName: '', voice: '', exampleSentences: [], palette: [], bannedTerms: [], requiredHashtags: [], requiredDisclaimer: '' }
}

/** A saved kit's or a brief's brand as form values. */
export function brandFormOf(brand: Partial<SavedBrandKit> | BrandKit | undefined): BrandFormValues {
  return {
    name: brand?.name ?? '',
    accountName: brand?.accountName ?? '',
    voice: brand?.voice ?? '',
    exampleSentences: [...(brand?.exampleSentences ?? [])],
    palette: [...(brand?.palette ?? [])],
    bannedTerms: [...(brand?.bannedTerms ?? [])],
    requiredHashtags: [...(brand?.requiredHashtags ?? [])],
    requiredDisclaimer: brand?.requiredDisclaimer ?? '',
  }
}

/** Whether nothing was filled in: a brief then carries no brand at all. */
export function isBlankBrand(brand: BrandFormValues): boolean {
  return Object.values(brand).every(value => (Array.isArray(value) ? value.length === 0 : value.trim() === ''))
}

/** What the API expects: blank texts left out rather than sent empty. */
export function toBrandFields(brand: BrandFormValues): BrandKitRequest {
  const optional = (key: 'accountName' | 'voice' | 'requiredDisclaimer') => (brand[key].trim() ? { [key]: brand[key] } : {})
  return {
    name: brand.name,
    ...optional('accountName'),
    ...optional('voice'),
    exampleSentences: brand.exampleSentences,
    palette: brand.palette,
    bannedTerms: brand.bannedTerms,
    requiredHashtags: brand.requiredHashtags,
    ...optional('requiredDisclaimer'),
  }
}
