/**
 * Posts that take twitter-text through everything the previews use (a link, a hashtag, a mention).
 * Two of them: V8 compiles a regular expression apart for text held one byte a character and for
 * text with a character beyond Latin-1 (an emoji), and generated posts come both ways.
 */
const SAMPLE_POSTS = ['Read more at example.com #launch @brand', 'Read more at example.com 🚀 #launch @brand']

let scheduled = false

/** Runs `work` when the browser is next idle (within 5 s at the latest). */
function whenIdle(work: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(work, { timeout: 5_000 })
  else setTimeout(work, 0)
}

/**
 * Post previews count X's characters and style links with twitter-text, whose expressions (the URL
 * one names every top-level domain) V8 compiles the first time they run: in Chromium on the
 * machines we measure, 20–30 ms for plain text, then 15 ms more the first time a post holds an
 * emoji. On a page opened before its campaign's posts exist, that would fall while a run streams
 * in, as a long task. Called by such a page, this has it done while the browser is idle after the
 * page mounts, one sample post per idle moment; later calls, on this page or the next, do nothing.
 */
export function usePostParsingWarmUp(): void {
  onMounted(() => {
    if (scheduled) return
    scheduled = true
    const warm = (remaining: readonly string[]) => {
      const [post, ...rest] = remaining
      if (post === undefined) return
      countCharacters('x', post)
      postSegments(post)
      whenIdle(() => warm(rest))
    }
    whenIdle(() => warm(SAMPLE_POSTS))
  })
}
