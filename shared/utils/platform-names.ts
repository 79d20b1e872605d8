import type { Platform } from '../campaign/platforms'

/** Each platform as its own brand writes it. */
export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  x: 'X',
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
  facebook: 'Facebook',
  tiktok: 'TikTok',
}
