import type { Platform } from '#shared/campaign'

/** Where a platform's feed cuts a post short and what its expand control says. */
export interface PostFold {
  /** Characters (Unicode code points) shown before the cut. */
  characters: number
  /** Lines shown before the cut, where the feed also cuts by lines. */
  lines: number | null
  /** The expand control as the platform words it. */
  label: string
}

/**
 * Feed folds as each platform's web feed showed them when this table was written; the platforms do
 * not document them and they shift with screen width, so these are the commonly observed points:
 * - linkedin: about 210 characters or three lines, then "…see more";
 * - x: a post longer than the standard 280 characters (a subscriber's long post) shows its first 280, then "Show more";
 * - instagram: about 125 characters or two lines of the caption, then "… more";
 * - facebook: about 480 characters or five lines, then "See more";
 * - tiktok: about 100 characters or two lines of the caption, then "more".
 */
export const PREVIEW_FOLDS: Readonly<Record<Platform, PostFold>> = {
  linkedin: { characters: 210, lines: 3, label: '…see more' },
  x: { characters: 280, lines: null, label: 'Show more' },
  instagram: { characters: 125, lines: 2, label: '… more' },
  facebook: { characters: 480, lines: 5, label: 'See more' },
  tiktok: { characters: 100, lines: 2, label: 'more' },
}

export interface FoldedPost {
  /** The text the feed shows before its expand control (all of it when nothing is folded). */
  visible: string
  folded: boolean
}

/** The index (in UTF-16 units) just past the first `count` code points of `text`. */
function codePointEnd(text: string, count: number): number {
  let index = 0
  let seen = 0
  for (const character of text) {
    if (seen === count) break
    index += character.length
    seen++
  }
  return index
}

/** The index just before the line break that ends line `lines`, or the text's length. */
function lineEnd(text: string, lines: number | null): number {
  if (lines === null) return text.length
  let index = -1
  for (let line = 0; line < lines; line++) {
    index = text.indexOf('\n', index + 1)
    if (index === -1) return text.length
  }
  return index
}

/**
 * The post as `platform`'s feed first shows it: cut at the earlier of its character and line folds,
 * and back to the last space before the cut, as feeds do not split a word, a link or a hashtag.
 */
export function foldPost(platform: Platform, text: string): FoldedPost {
  const fold = PREVIEW_FOLDS[platform]
  const cut = Math.min(codePointEnd(text, fold.characters), lineEnd(text, fold.lines))
  if (text.slice(cut).trim() === '') return { visible: text, folded: false }
  const head = text.slice(0, cut)
  const lastSpace = head.search(/\s\S*$/u)
  const visible = (/\s/u.test(text[cut] ?? '') || lastSpace <= 0 ? head : head.slice(0, lastSpace)).trimEnd()
  return { visible, folded: true }
}
