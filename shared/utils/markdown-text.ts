/**
 * User and model text made inert for a Markdown document: rendered, it reads as it was typed, and it
 * cannot open a heading, list, quote, table, code block, emphasis, link, image or HTML element.
 * CommonMark lets any ASCII punctuation be backslash-escaped; `<`, `>` and `&` become HTML entities,
 * which every Markdown renderer passes through as text.
 */

// Anywhere in a line: emphasis, code, links and images, strikethrough, tables, math, escapes.
const INLINE_MARKERS = /[\\`*_[\]~|$]/g
const HTML_CHARACTERS: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' }
// A `&` only needs escaping where it would start an entity such as `&#106;` or `&lt;`.
const HTML_MARKERS = /[<>]|&(?=#?\w+;)/g
// A `#` followed by a space or the end of the line could close a heading.
const CLOSING_HASHES = /#(?=\s|$)/g
// At the start of a line: headings, setext underlines, bullets and numbered items.
const LINE_START_MARKERS = /^([#=+-]|\d+(?=[.)]))/

function escapeLine(line: string): string {
  return line.trimStart()
    .replace(INLINE_MARKERS, '\\$&')
    .replace(HTML_MARKERS, character => HTML_CHARACTERS[character]!)
    .replace(CLOSING_HASHES, '\\#')
    .replace(LINE_START_MARKERS, marker => /^\d/.test(marker) ? `${marker}\\` : `\\${marker}`)
}

/** Text for one line of Markdown (a heading, a list item, a label): line breaks become spaces. */
export function markdownInline(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' ').trim())
}

/**
 * Text that keeps its lines and paragraphs: a line followed by another ends in a backslash, CommonMark's
 * hard line break, so it is not run into the next; indentation is dropped, as it would start a code block.
 */
export function markdownBlock(text: string): string {
  const lines = text.trim().split(/\r\n?|\n/).map(escapeLine)
  return lines.map((line, index) => (line !== '' && (lines[index + 1] ?? '') !== '' ? `${line}\\` : line)).join('\n')
}

/** A bulleted list of already-escaped items; an item's further lines are indented to stay in it. */
export function markdownList(items: string[]): string {
  return items.map(item => `- ${item.replace(/\n(?=.)/g, '\n  ')}`).join('\n')
}
