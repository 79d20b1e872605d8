import { describe, expect, it, vi } from 'vitest'
import type { CopyMetadata, ShortCopyMetadata, VisualMetadata } from '#shared/campaign'
import { auditArtifacts } from '../../../../server/engine/compliance'
import { countCharacters, hasCallToAction, hashtagKey, normaliseHex, publishedPost } from '../../../../server/engine/content'
import { feedbackItems, readerText, verifyFeedback } from '../../../../server/engine/feedback'
import { ACTIONS } from '../../../../server/engine/writers/offline/product-kind'
import { DEFAULT_PACE_MS, OfflineWriter } from '../../../../server/engine/writers/offline'
import { REALISTIC_BRIEFS } from '../support/briefs'
import { makeBrief } from '../support/fixtures'
import { writeAll, writeOne, type WriteResult } from '../support/write'

type Copy = Omit<CopyMetadata, 'model' | 'iteration'>
type ShortCopy = Omit<ShortCopyMetadata, 'model' | 'iteration'>
type Visual = Omit<VisualMetadata, 'model' | 'iteration'>
const copyOf = (result: WriteResult) => result.metadata as Copy
const shortCopyOf = (result: WriteResult) => result.metadata as ShortCopy
const visualOf = (result: WriteResult) => result.metadata as Visual
const distinct = (texts: readonly string[]) => new Set(texts.map(text => text.toLowerCase())).size

describe('OfflineWriter', () => {
  it('is labelled and paced for people by default', () => {
    expect(new OfflineWriter().model).toBe('offline-writer')
    expect(DEFAULT_PACE_MS).toBeGreaterThanOrEqual(30)
    expect(DEFAULT_PACE_MS).toBeLessThanOrEqual(60)
  })

  describe('determinism and variety', () => {
    const { brief } = REALISTIC_BRIEFS[0]!

    it('writes the same thing for the same request', async () => {
      const first = await writeAll(brief)
      const second = await writeAll(brief)
      expect(second).toEqual(first)
    })

    it('writes differently for another iteration, campaign or brief', async () => {
      const base = await writeOne(brief, 'Copy')
      const nextIteration = await writeOne(brief, 'Copy', { iteration: 2 })
      const otherCampaign = await writeOne(brief, 'Copy', { campaignId: 'cmp_other' })
      const otherBrief = await writeOne(REALISTIC_BRIEFS[1]!.brief, 'Copy')
      expect(new Set([base.content, nextIteration.content, otherCampaign.content, otherBrief.content]).size).toBe(4)
    })

    it('writes from the brief: product, audience and theme appear in the copy', async () => {
      const copy = await writeOne(REALISTIC_BRIEFS[1]!.brief, 'Copy')
      expect(copy.content).toContain('LedgerLoop')
      expect(copy.content).toMatch(/finance managers/u)
    })
  })

  describe.each(REALISTIC_BRIEFS)('for a $name brief', ({ brief }) => {
    it('writes copy with headlines, three bodies, calls to action and a tone note', async () => {
      const result = await writeOne(brief, 'Copy')
      const copy = copyOf(result)
      expect(distinct(copy.headlines)).toBeGreaterThanOrEqual(3)
      expect(distinct(copy.callsToAction)).toBeGreaterThanOrEqual(3)
      const { short, medium, long } = copy.body
      expect(short.length).toBeGreaterThan(20)
      expect(short.length).toBeLessThan(medium.length)
      expect(medium.length).toBeLessThan(long.length)
      expect(copy.toneNote).toContain(brief.tone)
      for (const body of [short, medium, long]) {
        if (brief.brand?.requiredDisclaimer) expect(body).toContain(brief.brand.requiredDisclaimer)
      }
    })

    it('writes three or more counted variants for every platform in the brief', async () => {
      const shortCopy = shortCopyOf(await writeOne(brief, 'ShortCopy'))
      expect(shortCopy.platforms.map(entry => entry.platform)).toEqual(brief.platforms)
      const required = (brief.brand?.requiredHashtags ?? []).map(hashtagKey)
      for (const { platform, variants } of shortCopy.platforms) {
        expect(distinct(variants.map(variant => variant.text))).toBeGreaterThanOrEqual(3)
        for (const variant of variants) {
          expect(variant.characterCount).toBe(countCharacters(platform, publishedPost(variant)))
          expect(variant.overLimit).toBe(false)
          const keys = variant.hashtags.map(hashtagKey)
          expect(keys).toEqual(expect.arrayContaining(required))
          if (platform === 'instagram') expect(keys.length).toBeLessThanOrEqual(5)
          for (const term of brief.brand?.bannedTerms ?? []) expect(publishedPost(variant).toLowerCase()).not.toContain(term)
        }
      }
    })

    it('writes two or more different visual concepts with readable contrast and short alt text', async () => {
      const visual = visualOf(await writeOne(brief, 'Visual'))
      expect(visual.concepts.length).toBeGreaterThanOrEqual(2)
      expect(distinct(visual.concepts.map(concept => concept.name))).toBe(visual.concepts.length)
      expect(distinct(visual.concepts.map(concept => concept.imagePrompt))).toBe(visual.concepts.length)
      for (const concept of visual.concepts) {
        const hexes = concept.palette.map(swatch => swatch.hex)
        for (const brandColour of brief.brand?.palette ?? []) expect(hexes).toContain(normaliseHex(brandColour))
        expect(concept.layout.length).toBeGreaterThanOrEqual(3)
        expect(concept.altText.subject && concept.altText.purpose && concept.altText.mood).toBeTruthy()
        expect([...concept.altText.text].length).toBeLessThanOrEqual(125)
        expect(concept.imagePrompt.length).toBeGreaterThan(40)
        expect(concept.contrast.length).toBeGreaterThan(0)
        for (const pair of concept.contrast) expect(pair.ratio).toBeGreaterThanOrEqual(4.5)
      }
    })

    it('passes the audit with no High or Medium issue', async () => {
      const artifacts = await writeAll(brief)
      const audit = auditArtifacts({ campaignId: 'cmp_test', brief, artifacts })
      expect(audit.issues.filter(issue => issue.severity !== 'Low')).toEqual([])
      expect(audit.verdict).toBe('Pass')
    })

    it('streams pieces of a few words that join up to the content', async () => {
      for (const result of await writeAll(brief)) {
        expect(result.chunks.join('')).toBe(result.content)
        expect(result.chunks.length).toBeGreaterThan(20)
        for (const chunk of result.chunks) expect(chunk.trim().split(/\s+/u).length).toBeLessThanOrEqual(3)
      }
    })
  })

  describe('briefs that rule out the writer\'s own words', () => {
    const brief = makeBrief({
      theme: 'Spring flowers for every table',
      product: 'Bloom florist',
      targetAudience: 'Gift buyers',
      tone: 'Romantic',
      brand: { name: 'Bloom', bannedTerms: ['easy', 'simple', 'made'], requiredHashtags: ['#Bloom', '#SpringFlowers', '#GiftIdeas', '#Florist', '#LoveBloom'] },
    })

    it.each([1, 2, 3])('still passes the audit (iteration %i)', async (iteration) => {
      const artifacts = await writeAll(brief, { iteration })
      const audit = auditArtifacts({ campaignId: 'cmp_test', brief, artifacts })
      expect(audit.issues.filter(issue => issue.severity !== 'Low')).toEqual([])
      expect(audit.verdict).toBe('Pass')
    })

    it('never names the brand twice in a row when the brand is the product', async () => {
      const shortCopy = shortCopyOf(await writeOne(brief, 'ShortCopy'))
      for (const variant of shortCopy.platforms.flatMap(entry => entry.variants)) expect(variant.text).not.toMatch(/Bloom florist: Bloom|Bloom: Bloom/u)
    })
  })

  describe('responding to feedback', () => {
    const { brief } = REALISTIC_BRIEFS[1]!

    it('adds phrases it is asked to include and leaves out words it is asked to remove', async () => {
      const before = await writeOne(brief, 'Copy')
      expect(before.content).toMatch(/\bsimple\b|\beasy\b/iu)
      const feedback = ['Include "a 30-day free trial"', 'Remove "simple" and "easy"; they sound vague.']
      const after = await writeOne(brief, 'Copy', { iteration: 2, feedback })
      const copy = copyOf(after)
      for (const body of Object.values(copy.body)) expect(body).toContain('a 30-day free trial')
      const published = [...copy.headlines, ...Object.values(copy.body), ...copy.callsToAction].join('\n')
      expect(published).not.toMatch(/\bsimple\b|\beasy\b/iu)
      // What was done is checked and noted from the version itself, never claimed by the writer.
      expect(copy.toneNote).not.toMatch(/Version 2|added|removed|shortened/u)
    })

    it('changes tone when asked', async () => {
      const after = await writeOne(brief, 'Copy', { iteration: 2, feedback: ['Make it more playful'] })
      expect(copyOf(after).toneNote).toMatch(/^A playful voice/u)
    })

    it('mentions unquoted phrases and writes shorter copy when asked "Make it shorter and mention free shipping"', async () => {
      const feedback = ['Make it shorter and mention free shipping']
      for (const type of ['Copy', 'ShortCopy', 'Visual'] as const) {
        const before = await writeOne(brief, type)
        const after = await writeOne(brief, type, { iteration: 2, feedback })
        const checks = verifyFeedback(feedbackItems(feedback), readerText(type, after.metadata), readerText(type, before.metadata))
        expect(checks.map(check => check.outcome), `${type}: ${JSON.stringify(checks)}`).toEqual(type === 'Visual' ? ['done', 'not-done'] : ['done', 'done'])
      }
    })

    it('writes leaner posts when asked to shorten', async () => {
      const total = (result: WriteResult) => shortCopyOf(result).platforms.flatMap(entry => entry.variants).reduce((sum, variant) => sum + variant.characterCount, 0)
      const before = await writeOne(brief, 'ShortCopy', { iteration: 2, feedback: ['Make it more professional'] })
      const after = await writeOne(brief, 'ShortCopy', { iteration: 2, tags: ['shorter'] })
      expect(total(after)).toBeLessThan(total(before))
    })

    it('reads audit recommendations about alt text and keeps alt text lean', async () => {
      const after = visualOf(await writeOne(brief, 'Visual', { iteration: 2, feedback: ['Shorten the alt text to 125 characters or fewer.'] }))
      for (const concept of after.concepts) expect(concept.altText.text).not.toContain(concept.altText.mood)
    })
  })

  describe('the brief\'s own words', () => {
    const bodiesOf = (result: WriteResult) => Object.values(copyOf(result).body).join('\n')

    it('keeps "VitaShield" and carries its claims for the audit to flag, then drops them when the audit asks', async () => {
      const brief = makeBrief({ theme: 'New year immunity', product: 'VitaShield supplement that cures cancer and is 100% guaranteed', targetAudience: 'Health-conscious adults', tone: 'Warm' })
      const first = await writeAll(brief)
      for (const result of first) expect(result.content, result.type).toContain('VitaShield')
      expect(bodiesOf(first[0]!)).toContain('It cures cancer and is 100% guaranteed.')
      const audit = auditArtifacts({ campaignId: 'cmp_test', brief, artifacts: first })
      const high = audit.issues.filter(issue => issue.severity === 'High')
      expect(audit.verdict).toBe('Fail')
      expect(new Set(high.map(issue => issue.ruleId))).toEqual(new Set(['claims.unsubstantiated']))

      const second = await Promise.all(first.map(async (artifact) => {
        const feedback = high.filter(issue => issue.artifactType === artifact.type).map(issue => issue.recommendation)
        return feedback.length > 0 ? writeOne(brief, artifact.type, { iteration: 2, feedback }) : artifact
      }))
      for (const result of second) expect(result.content, result.type).toContain('VitaShield supplement')
      const secondAudit = auditArtifacts({ campaignId: 'cmp_test', brief, artifacts: second })
      expect(secondAudit.issues.filter(issue => issue.severity === 'High')).toEqual([])
    })

    it('keeps "Aurelle Night Serum" whole and says what it comes with', async () => {
      const brief = makeBrief({ theme: 'Your morning ritual', product: 'Aurelle Night Serum with 0.3% encapsulated retinol', targetAudience: 'Women over 35', tone: 'Elegant and understated' })
      const copy = await writeOne(brief, 'Copy')
      expect(bodiesOf(copy)).toContain('It comes with 0.3% encapsulated retinol.')
      expect(copy.content).not.toMatch(/In short|Your your/iu)
      for (const action of copyOf(copy).callsToAction) expect(action).not.toMatch(/book|visit|demo/iu)
      for (const headline of copyOf(copy).headlines) expect(headline).not.toMatch(/Aurelle Night Serum with\b(?! 0\.3% encapsulated retinol)/u)
      const tags = shortCopyOf(await writeOne(brief, 'ShortCopy')).platforms.flatMap(entry => entry.variants.flatMap(variant => variant.hashtags))
      expect(new Set(tags.map(hashtagKey))).toEqual(new Set(['#aurellenightserum', '#yourmorningritual']))
    })

    it('writes Ledgerly\'s theme as a label, with no filler hashtags and no calls to action that guess what it sells', async () => {
      const brief = makeBrief({ theme: 'Tax season without the panic', product: 'Ledgerly', targetAudience: 'Freelancers and single-person businesses', tone: 'Calm', platforms: ['x', 'instagram', 'tiktok'] })
      const [copy, shortCopy] = await writeAll(brief)
      expect(copy!.content).not.toMatch(/Make tax season|the panic easy/iu)
      for (const action of copyOf(copy!).callsToAction) expect(action).not.toMatch(/shop|order|book|get yours/iu)
      const tags = shortCopyOf(shortCopy!).platforms.flatMap(entry => entry.variants.flatMap(variant => variant.hashtags))
      expect(new Set(tags)).toEqual(new Set(['#Ledgerly']))
    })

    it('offers calls to action the audit recognises, whatever the product', () => {
      for (const action of Object.values(ACTIONS).flat()) expect(hasCallToAction(action), action).toBe(true)
    })

    it('says "the first bag is free" as a fact, not "that the first bag is free"', async () => {
      const brief = makeBrief({ product: 'Beanbox coffee subscription', constraints: ['Mention that the first bag is free'] })
      const copy = await writeOne(brief, 'Copy')
      expect(bodiesOf(copy)).toContain('Good to know: the first bag is free.')
      expect(copy.content).not.toMatch(/: that the first bag/iu)
    })
  })

  describe('pace and cancellation', () => {
    const { brief } = REALISTIC_BRIEFS[0]!

    it('writes one piece per pace, and stops at the abort', async () => {
      vi.useFakeTimers()
      try {
        const chunks: string[] = []
        const writer = new OfflineWriter({ paceMs: 20 })
        const controller = new AbortController()
        const writing = writer.write({ campaignId: 'c', brief, type: 'Copy', iteration: 1, feedback: [], tags: [], signal: controller.signal, onText: chunk => chunks.push(chunk) })
        const settled = writing.catch((error: unknown) => error)
        await vi.advanceTimersByTimeAsync(0)
        expect(chunks).toHaveLength(1)
        await vi.advanceTimersByTimeAsync(19)
        expect(chunks).toHaveLength(1)
        for (let pace = 2; pace <= 5; pace++) {
          await vi.advanceTimersByTimeAsync(20)
          expect(chunks).toHaveLength(pace)
        }
        controller.abort()
        expect(await settled).toMatchObject({ name: 'AbortError' })
        await vi.advanceTimersByTimeAsync(1000)
        expect(chunks).toHaveLength(5)
      }
      finally {
        vi.useRealTimers()
      }
    })

    it('rejects promptly with an AbortError and writes nothing more once aborted', async () => {
      // A pause longer than the test may take: only the abort can end it.
      const writer = new OfflineWriter({ paceMs: 600_000 })
      const controller = new AbortController()
      const chunks: string[] = []
      const writing = writer.write({ campaignId: 'c', brief, type: 'ShortCopy', iteration: 1, feedback: [], tags: [], signal: controller.signal, onText: chunk => chunks.push(chunk) })
      await new Promise(resolve => setTimeout(resolve, 20))
      controller.abort()
      await expect(writing).rejects.toMatchObject({ name: 'AbortError' })
      expect(chunks).toHaveLength(1)
    })

    it('rejects at once when the signal is already aborted', async () => {
      const chunks: string[] = []
      const writing = new OfflineWriter({ paceMs: 0 }).write({ campaignId: 'c', brief, type: 'Visual', iteration: 1, feedback: [], tags: [], signal: AbortSignal.abort(), onText: chunk => chunks.push(chunk) })
      await expect(writing).rejects.toMatchObject({ name: 'AbortError' })
      expect(chunks).toEqual([])
    })

    it('composes only when the run\'s share of the event loop lets it, and streams through the same turns', async () => {
      const steps: string[] = []
      let releaseFirst = () => {}
      const firstPass = new Promise<void>((resolve) => {
        releaseFirst = resolve
      })
      const turns = { pass: () => {
        steps.push('turn')
        return steps.length === 1 ? firstPass : Promise.resolve()
      } }
      const writing = new OfflineWriter({ paceMs: 0, turns }).write({ campaignId: 'c', brief, type: 'Copy', iteration: 1, feedback: [], tags: [], signal: new AbortController().signal, onText: () => steps.push('text') })
      await new Promise(resolve => setImmediate(resolve))
      expect(steps).toEqual(['turn'])
      releaseFirst()
      const written = await writing
      expect(written.content.length).toBeGreaterThan(0)
      expect(steps[1]).toBe('text')
      // Between streamed pieces the write waits for its turn (every 50th piece takes a turn of the loop instead).
      expect(steps.filter(step => step === 'turn').length).toBeGreaterThan(1)
    })

    it('stops an unpaced write that is aborted from another task', async () => {
      const controller = new AbortController()
      const writing = new OfflineWriter({ paceMs: 0 }).write({ campaignId: 'c', brief, type: 'ShortCopy', iteration: 1, feedback: [], tags: [], signal: controller.signal, onText: () => {} })
      setImmediate(() => controller.abort())
      await expect(writing).rejects.toMatchObject({ name: 'AbortError' })
    })
  })
})
