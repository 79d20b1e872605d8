export { PLATFORM_NAMES } from '#shared/utils/platform-names'

/*
 * The readable `content` of each artifact (each type's `render` in server/engine/artifact-types):
 * plain text with simple "## " headings and blank lines between sections. It is shown escaped, as
 * text, so nothing here is markup.
 */

export function section(heading: string, lines: string[]): string {
  return [`## ${heading}`, ...lines].join('\n')
}

export function sections(parts: string[]): string {
  return `${parts.join('\n\n')}\n`
}
