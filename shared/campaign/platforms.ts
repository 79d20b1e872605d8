// Apart from the brief's schemas, so a page that only names platforms does not load zod.
export const PLATFORMS = ['x', 'linkedin', 'instagram', 'facebook', 'tiktok'] as const
export type Platform = (typeof PLATFORMS)[number]
export const DEFAULT_PLATFORMS: Platform[] = ['x', 'linkedin', 'instagram']
