/** A post that takes twitter-text through everything the previews use: a link, a hashtag, a mention. */
const SAMPLE_POST = 'Read more at example.com #launch @brand'

let scheduled = false

/**
 * Post previews count X's characters and find links with twitter-text, whose URL expression (it
 * names every top-level domain) V8 compiles the first time it runs: 40 ms in Node on the machines
 * we measure. On a page opened before its campaign's posts exist, that first run would fall while a
 * run streams in, as a long task. Called by such a page, this has it run once, while the browser is
 * idle after the page has mounted; later calls, on this page or the next, schedule nothing more.
 */
export function usePostParsingWarmUp(): void {
  onMounted(() => {
    if (scheduled) return
    scheduled = true
    const warm = () => {
      countCharacters('x', SAMPLE_POST)
      postSegments(SAMPLE_POST)
    }
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(warm, { timeout: 5_000 })
    else setTimeout(warm, 0)
  })
}
