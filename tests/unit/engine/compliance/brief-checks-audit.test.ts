import { describe, expect, it } from 'vitest'
import { MAX_LISTED_OCCURRENCES, type AuditedCheck, type CampaignBrief } from '#shared/campaign'
import { auditArtifacts, type ArtifactUnderAudit } from '../../../../server/engine/compliance'
import { copyArtifact, makeBrief, makeConcept, makeCopy, shortCopyArtifact, shortCopyDrafts, visualArtifact } from '../support/fixtures'

const now = new Date('2026-03-01T09:30:00.000Z')

/** The audited check that came from the brief's first constraint (or the named field). */
function briefCheck(brief: CampaignBrief, artifacts: ArtifactUnderAudit[], checkId = 'constraints.0'): AuditedCheck {
  const check = auditArtifacts({ campaignId: 'cmp_1', brief, artifacts, now }).checks?.find(candidate => candidate.checkId === checkId)
  if (!check) throw new Error(`No check ${checkId}`)
  return check
}

const statuses = (check: AuditedCheck) => Object.fromEntries(check.results.map(result => [result.artifactType, result.status]))
const withConstraints = (...constraints: string[]) => makeBrief({ constraints })

describe('the audit against the brief\'s checks', () => {
  it('names the exact words a ruled-out claim uses, with their offsets and the text around them', () => {
    const brief = withConstraints('Do not make health claims')
    const body = { ...makeCopy().body, short: 'Our kit cures boredom and is 100% fun. Shop now.' }
    const check = briefCheck(brief, [copyArtifact({ body }), visualArtifact(brief)])
    expect(check).toMatchObject({ ruleId: 'brief.claim-class', title: 'No health or medical claims', severity: 'High', category: 'risk' })
    expect(check.source).toEqual({ field: 'constraints', index: 0, text: 'Do not make health claims' })
    expect(check.guidance).toContain('FTC')
    expect(statuses(check)).toEqual({ Copy: 'failed', Visual: 'passed' })
    expect(check.occurrences).toEqual([expect.objectContaining({
      artifactType: 'Copy', location: 'body.short', excerpt: 'cures', start: 8, end: 13,
      snippet: { before: 'Our kit ', match: 'cures', after: ' boredom and is 100% fun. Shop now.' },
    })])
    expect(body.short.slice(8, 13)).toBe('cures')
  })

  it('reports a claim wording once where a longer one holds it, listing the first places and counting the rest', () => {
    const brief = withConstraints('No absolute claims')
    const repeated = 'Best of all, the best. '.repeat(300).trim()
    const copy = copyArtifact({ headlines: ['The best kit and the best seeds', 'Meet the kit', 'Your garden starts here'], body: { ...makeCopy().body, short: repeated } })
    const check = briefCheck(brief, [copy, visualArtifact(brief)])
    expect(check.occurrences.map(occurrence => [occurrence.location, occurrence.excerpt, occurrence.start])).toEqual([
      ['headlines[0]', 'The best', 0], ['headlines[0]', 'the best', 17],
      ...[0, 1, 2, 3].flatMap(sentence => [['body.short', 'Best', sentence * 23], ['body.short', 'the best', sentence * 23 + 13]]),
    ])
    expect(check.occurrences).toHaveLength(MAX_LISTED_OCCURRENCES)
    // 2 in the headline and 2 in each of the 300 sentences, never the "best" of "the best".
    expect(check.results).toEqual([{ artifactType: 'Copy', status: 'failed', unlisted: 602 - MAX_LISTED_OCCURRENCES }, { artifactType: 'Visual', status: 'passed' }])
    const audit = auditArtifacts({ campaignId: 'cmp_1', brief, artifacts: [copy], now })
    expect(audit.issues.filter(issue => issue.checkId === 'constraints.0')).toHaveLength(MAX_LISTED_OCCURRENCES)
    expect(audit.feedback).toMatch(/ severity issues \(and 592 more places like them, not listed\)\. First: /u)
  })

  it('fails each LinkedIn post over the brief\'s limit, highlighting the overflow, and skips the other types', () => {
    const brief = makeBrief({ constraints: ['Keep LinkedIn under 60 characters'], platforms: ['x', 'linkedin'] })
    const long = 'Grow your first garden with the GreenThumb kit this spring. Shop now.'
    const check = briefCheck(brief, [copyArtifact(), shortCopyArtifact(brief, shortCopyDrafts(brief, [long, 'Shop now.', 'Find out more.']))])
    expect(statuses(check)).toEqual({ Copy: 'not-applicable', ShortCopy: 'failed' })
    expect(check.occurrences.map(occurrence => [occurrence.location, occurrence.start])).toEqual([['linkedin variant 1', 59]])
    expect(check.occurrences[0]?.description).toMatch(/^\d+ characters; the brief allows under 60\.$/u)
  })

  it('checks the call to action of the copy and of every post', () => {
    const brief = makeBrief({ constraints: ['End with a CTA to beanbox.example/start'], platforms: ['x'] })
    const good = copyArtifact({ callsToAction: ['Start at beanbox.example/start', 'Find out more', 'Start now'] })
    const posts = shortCopyArtifact(brief, shortCopyDrafts(brief, ['Fresh beans. Shop now.', 'Shop now.', 'Find out more.']))
    const check = briefCheck(brief, [good, posts])
    expect(statuses(check)).toEqual({ Copy: 'passed', ShortCopy: 'failed' })
    expect(check.occurrences[0]).toMatchObject({ location: 'x variant 1', recommendation: 'End with a call to action that contains "beanbox.example/start".' })
  })

  it('finds ruled-out words as whole words, and inside hashtags for brand terms', () => {
    const brief = makeBrief({ constraints: ['Avoid cheap or discount'], brand: { bannedTerms: ['chemical free'] } })
    const copy = copyArtifact({ headlines: ['Cheap seeds, big blooms', 'Cheaper than you think', 'A discount for you'] })
    expect(briefCheck(brief, [copy]).occurrences.map(occurrence => [occurrence.location, occurrence.excerpt])).toEqual([['headlines[0]', 'Cheap'], ['headlines[2]', 'discount']])
    const posts = shortCopyArtifact(brief, shortCopyDrafts(brief, ['Grow it #ChemicalFree. Shop now.', 'Shop now.', 'Find out more.']))
    expect(briefCheck(brief, [posts], 'brand.bannedTerms.0').occurrences.map(occurrence => occurrence.excerpt)).toEqual(['#ChemicalFree', '#ChemicalFree', '#ChemicalFree'])
    // A tag that says the term as a word is found as the word, once; one that spells it squashed, as the tag.
    const tagged = makeBrief({ brand: { bannedTerms: ['cheap'] } })
    const both = copyArtifact({ headlines: ['Go #cheap with #CheapSeeds', 'Meet the kit', 'Your garden starts here'] })
    expect(briefCheck(tagged, [both], 'brand.bannedTerms.0').occurrences.map(occurrence => [occurrence.excerpt, occurrence.start])).toEqual([['cheap', 4], ['#CheapSeeds', 15]])
  })

  it('requires a mention in the copy and on every platform', () => {
    const brief = withConstraints('Must mention free delivery')
    const drafts = shortCopyDrafts(brief, ['Free delivery. Shop now.', 'Shop now.', 'Find out more.'])
    drafts[1] = { platform: 'linkedin', variants: [{ text: 'Shop now.', hashtags: [] }] }
    const check = briefCheck(brief, [copyArtifact(), shortCopyArtifact(brief, drafts), visualArtifact(brief)])
    expect(statuses(check)).toEqual({ Copy: 'failed', ShortCopy: 'failed', Visual: 'not-applicable' })
    expect(check.occurrences.map(occurrence => occurrence.location)).toEqual(['content', 'LinkedIn posts'])
  })

  it('checks the disclaimer in every body, the hashtag rules on every post, emoji, language and reading level', () => {
    const disclaimer = 'Seeds need sun and water; results vary.'
    const brief = makeBrief({ constraints: ['No emoji', 'At most 1 hashtag', 'Write in French', 'Reading level: grade 1 or below'], brand: { requiredDisclaimer: disclaimer, requiredHashtags: ['SpringGrow'] }, platforms: ['x'] })
    const copy = copyArtifact({ body: { ...makeCopy().body, short: `Shop now 🌱. ${disclaimer}` } })
    const posts = shortCopyArtifact(brief, [{ platform: 'x', variants: [{ text: 'Shop now.', hashtags: ['#Garden', '#Seeds'] }] }])
    const result = auditArtifacts({ campaignId: 'cmp_1', brief, artifacts: [copy, posts, visualArtifact(brief, [makeConcept()])], now })
    const byId = Object.fromEntries((result.checks ?? []).map(check => [check.checkId, check]))
    expect(byId['constraints.0']?.occurrences.map(occurrence => occurrence.excerpt)).toEqual(['🌱'])
    expect(byId['constraints.1']?.occurrences.map(occurrence => occurrence.location)).toEqual(['x variant 1'])
    expect(statuses(byId['constraints.2']!)).toEqual({ Copy: 'failed', ShortCopy: 'not-applicable', Visual: 'not-applicable' })
    expect(byId['constraints.3']?.occurrences.map(occurrence => occurrence.location)).toEqual(['body.long'])
    expect(byId['brand.requiredDisclaimer.0']?.occurrences.map(occurrence => occurrence.location)).toEqual(['body.medium', 'body.long'])
    // The post finisher adds the brand's hashtags, so the requirement is met.
    expect(statuses(byId['brand.requiredHashtags.0']!)).toEqual({ Copy: 'not-applicable', ShortCopy: 'passed', Visual: 'not-applicable' })
  })

  it('scores checks passed ÷ checks tested, per artifact and overall, and the issues list every failure', () => {
    const brief = makeBrief({ constraints: ['Do not make health claims'], platforms: ['x'] })
    const copy = copyArtifact({ headlines: ['Seeds that heal', 'Meet the kit', 'Your garden starts here'] })
    const result = auditArtifacts({ campaignId: 'cmp_1', brief, artifacts: [copy, shortCopyArtifact(brief)], now })
    const tested = (result.checks ?? []).flatMap(check => check.results.filter(r => r.status !== 'not-applicable').map(r => ({ ...r, checkId: check.checkId })))
    const passed = tested.filter(r => r.status === 'passed')
    expect([result.checksPassed, result.checksTested]).toEqual([passed.length, tested.length])
    expect(result.complianceScore).toBe(Math.round((passed.length / tested.length) * 100))
    const copyTested = tested.filter(r => r.artifactType === 'Copy')
    expect(result.artifactScores?.Copy).toBe(Math.round((copyTested.filter(r => r.status === 'passed').length / copyTested.length) * 100))
    expect(result.artifactScores?.ShortCopy).toBe(100)
    expect(result.issues.filter(issue => issue.checkId === 'constraints.0')).toEqual([expect.objectContaining({
      ruleId: 'brief.claim-class', severity: 'High', location: 'headlines[0]', excerpt: 'heal', start: 11, end: 15,
    })])
    expect(result.verdict).toBe('Fail')
  })

  it('lets a substantiated claim through and never scores the substantiation itself', () => {
    const brief = withConstraints('No absolute claims', 'Substantiation: "100%" — lab test GT-17, 2025')
    const result = auditArtifacts({ campaignId: 'cmp_1', brief, artifacts: [copyArtifact({ headlines: ['100% of seeds sprout', 'Meet the kit', 'Your garden starts here'] })], now })
    expect(result.checks?.map(check => check.checkId)).not.toContain('constraints.1')
    expect(result.checks?.find(check => check.checkId === 'constraints.0')?.occurrences).toEqual([])
  })
})
