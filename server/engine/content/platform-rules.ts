// Shared with the browser, whose post previews count as the audit does.
export { PLATFORM_RULES, countCharacters, type PlatformRule } from '#shared/utils/platform-rules'
