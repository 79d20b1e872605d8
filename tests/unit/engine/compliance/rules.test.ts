import { describe, expect, it } from 'vitest'
import type { CampaignBrief } from '#shared/campaign'
import { AUDIT_RULES, RULES, type ArtifactUnderAudit, type Finding } from '../../../../server/engine/compliance'
import { toAuditedArtifact } from '../../../../server/engine/compliance/audited-artifact'
import { readBriefDirectives } from '../../../../server/engine/content'
import { copyArtifact, makeBrief, makeConcept, makeCopy, shortCopyArtifact, shortCopyDrafts, visualArtifact } from '../support/fixtures'

/** Runs one rule on one artifact, as the audit does. */
function runRule(id: string, brief: CampaignBrief, artifact: ArtifactUnderAudit): Finding[] | null {
  const rule = AUDIT_RULES.find(candidate => candidate.id === id)
  if (!rule) throw new Error(`No rule ${id}`)
  expect(rule.appliesTo).toContain(artifact.type)
  return rule.check(toAuditedArtifact(artifact), { brief, substantiations: readBriefDirectives(brief).substantiations })
}

interface Example {
  name: string
  brief?: CampaignBrief
  artifact: (brief: CampaignBrief) => ArtifactUnderAudit
}

interface FailingExample extends Example {
  /** Where the findings are, in order. */
  locations: string[]
  severity?: 'Low' | 'Medium' | 'High'
}

interface RuleExamples {
  passing: Example[]
  failing: FailingExample[]
}

const brief = makeBrief()
const withConstraints = (...constraints: string[]) => makeBrief({ constraints })
const withBrand = (brand: NonNullable<Parameters<typeof makeBrief>[0]>['brand']) => makeBrief({ brand })

const EXAMPLES: Record<string, RuleExamples> = {
  'claims.unsubstantiated': {
    passing: [
      { name: 'plain copy', artifact: () => copyArtifact() },
      { name: '"#10" is not "#1"', artifact: () => copyArtifact({ headlines: ['#10 spring ideas', 'Meet the kit', 'Your garden starts here'] }) },
      {
        name: 'a claim the brief substantiates',
        brief: withConstraints('Substantiation: "clinically proven" — 2024 trial, ref. GT-17'),
        artifact: () => copyArtifact({ headlines: ['Clinically proven to sprout', 'Meet the kit', 'Your garden starts here'] }),
      },
    ],
    failing: [
      { name: 'a guarantee in a headline', artifact: () => copyArtifact({ headlines: ['Guaranteed blooms', 'Meet the kit', 'Your garden starts here'] }), locations: ['headlines[0]'], severity: 'High' },
      { name: '"#1" in a post', artifact: b => shortCopyArtifact(b, shortCopyDrafts(b, ['The #1 seed kit. Shop now.', 'Shop now.', 'Find out more.'])), locations: ['x variant 1', 'linkedin variant 1', 'instagram variant 1'] },
      { name: '"best" in a call to action', artifact: () => copyArtifact({ callsToAction: ['Shop the best kit', 'Find out more', 'Start now'] }), locations: ['callsToAction[0]'] },
      { name: 'two kinds of claim in one body', artifact: () => copyArtifact({ body: { ...makeCopy().body, short: '100% natural and risk-free. Shop now.' } }), locations: ['body.short', 'body.short'] },
    ],
  },
  'platform.hashtag-count': {
    passing: [{ name: 'five on Instagram', brief: makeBrief({ platforms: ['instagram'] }), artifact: b => shortCopyArtifact(b, [{ platform: 'instagram', variants: [{ text: 'Shop now.', hashtags: ['#a1', '#b2', '#c3', '#d4', '#e5', '#f6'] }] }]) }],
    failing: [{
      name: 'six inline on Instagram',
      brief: makeBrief({ platforms: ['instagram'] }),
      artifact: b => shortCopyArtifact(b, [{ platform: 'instagram', variants: [{ text: 'Shop now. #one #two #three #four #five #six', hashtags: [] }] }]),
      locations: ['instagram variant 1'],
      severity: 'Medium',
    }],
  },
  'clarity.call-to-action': {
    passing: [
      { name: 'copy with calls to action', artifact: () => copyArtifact() },
      { name: 'posts with calls to action', artifact: b => shortCopyArtifact(b) },
    ],
    failing: [
      { name: 'copy whose actions ask nothing', artifact: () => copyArtifact({ callsToAction: ['Spring is here', 'Lovely weather', 'Green leaves'] }), locations: ['callsToAction'], severity: 'Medium' },
      { name: 'a post without one', brief: makeBrief({ platforms: ['x'] }), artifact: b => shortCopyArtifact(b, shortCopyDrafts(b, ['Spring is here.', 'Shop now.', 'Find out more.'])), locations: ['x variant 1'] },
    ],
  },
  'clarity.structure': {
    passing: [
      { name: 'complete copy', artifact: () => copyArtifact() },
      { name: 'complete short copy', artifact: b => shortCopyArtifact(b) },
      { name: 'complete visual', artifact: b => visualArtifact(b) },
    ],
    failing: [
      { name: 'two headlines and no tone note', artifact: () => copyArtifact({ headlines: ['One', 'one', 'Two'], toneNote: '' }), locations: ['headlines', 'toneNote'], severity: 'Medium' },
      { name: 'two variants on a platform', brief: makeBrief({ platforms: ['x', 'tiktok'] }), artifact: b => shortCopyArtifact(b, shortCopyDrafts(b, ['Shop now.', 'Find out more.'])), locations: ['X', 'TikTok'] },
      { name: 'one concept without a text colour', artifact: b => visualArtifact(b, [makeConcept({ palette: [{ hex: '#FFFFFF', role: 'background' }] })]), locations: ['concepts', 'concepts[0].palette'] },
      { name: 'metadata that is not copy', artifact: () => ({ type: 'Copy', content: 'Shop now.', metadata: { headlines: 'not a list' } }), locations: ['metadata'] },
    ],
  },
  'clarity.readability': {
    passing: [
      { name: 'plain sentences', artifact: () => copyArtifact() },
      { name: 'a hard disclaimer is not graded', brief: withBrand({ requiredDisclaimer: 'Notwithstanding considerable meteorological variability, germination characteristics are individually unpredictable.' }), artifact: () => copyArtifact({ body: { ...makeCopy().body, medium: `${makeCopy().body.medium} Notwithstanding considerable meteorological variability, germination characteristics are individually unpredictable.` } }) },
    ],
    failing: [
      {
        name: 'difficult (Low)',
        artifact: () => copyArtifact({ body: { ...makeCopy().body, long: 'Our gardening kit gives you everything you need to grow vegetables at home. Each box contains selected seeds, rich compost and detailed instructions for every stage. Beginners appreciate the straightforward preparation and the dependable results across the season.' } }),
        locations: ['body.long'],
        severity: 'Low',
      },
      {
        name: 'very difficult (Medium)',
        artifact: () => copyArtifact({ body: { ...makeCopy().body, medium: 'Our gardening kit provides everything necessary for growing vegetables at home. Each package contains carefully selected seeds, nutritious compost and detailed instructions. Beginners appreciate the straightforward preparation process and dependable results throughout the season.' } }),
        locations: ['body.medium'],
        severity: 'Medium',
      },
    ],
  },
  'tone.shouting': {
    passing: [
      { name: 'acronyms, codes and hex colours', artifact: () => copyArtifact({ headlines: ['Grown in the UK', 'Read the FAQ', 'Model X5 in #FFFFFF'] }) },
      { name: 'the brief\'s own capitalised name', brief: makeBrief({ product: 'GREENTHUMB seed kit' }), artifact: () => copyArtifact({ headlines: ['Meet GREENTHUMB', 'Meet the kit', 'Your garden starts here'] }) },
    ],
    failing: [
      { name: 'a long capitalised word', artifact: () => copyArtifact({ headlines: ['AMAZING seeds', 'Meet the kit', 'Your garden starts here'] }), locations: ['headlines[0]'], severity: 'Low' },
      { name: 'a run of short capitalised words', artifact: () => copyArtifact({ callsToAction: ['BUY NOW', 'Find out more', 'Start now'] }), locations: ['callsToAction[0]'] },
    ],
  },
  'tone.repeated-punctuation': {
    passing: [{ name: 'single marks and "?!"', artifact: () => copyArtifact({ headlines: ['Ready?! Grow.', 'Meet the kit!', 'Wait...'] }) }],
    failing: [{ name: '"!!" and "?!?"', artifact: () => copyArtifact({ headlines: ['Spring is here!!', 'Really?!?', 'Meet the kit'] }), locations: ['headlines[0]', 'headlines[1]'], severity: 'Low' }],
  },
  'accessibility.alt-text': {
    passing: [{ name: 'complete alt text', artifact: b => visualArtifact(b) }],
    failing: [{
      name: 'empty alt text and no mood',
      artifact: b => visualArtifact(b, [makeConcept(), makeConcept({ altText: { subject: 'A kit', purpose: 'Show it', mood: '', text: ' ' } })]),
      locations: ['concepts[1].altText'],
      severity: 'Medium',
    }],
  },
  'accessibility.alt-text-length': {
    passing: [{ name: 'exactly 125 characters', artifact: b => visualArtifact(b, [makeConcept({ altText: { ...makeConcept().altText, text: 'a'.repeat(125) } }), makeConcept()]) }],
    failing: [{ name: '126 characters', artifact: b => visualArtifact(b, [makeConcept({ altText: { ...makeConcept().altText, text: 'a'.repeat(126) } }), makeConcept()]), locations: ['concepts[0].altText'], severity: 'Low' }],
  },
  'accessibility.contrast': {
    passing: [{ name: 'dark green on white', artifact: b => visualArtifact(b) }],
    failing: [{
      name: '#777 on white is 4.48:1',
      artifact: b => visualArtifact(b, [makeConcept(), makeConcept({ palette: [{ hex: '#FFFFFF', role: 'background' }, { hex: '#777', role: 'text' }] })]),
      locations: ['concepts[1].contrast[0]'],
      severity: 'High',
    }],
  },
}

describe('the rule catalogue', () => {
  it('has a passing and a failing example for every rule', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(RULES.map(rule => rule.id).sort())
  })

  it('describes every rule with a category, severity, explanation and an imperative recommendation', () => {
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z]+\.[a-z-]+$/)
      expect(['tone', 'clarity', 'compliance', 'accessibility', 'risk']).toContain(rule.category)
      expect(['Low', 'Medium', 'High']).toContain(rule.severity)
      expect(rule.explanation.length).toBeGreaterThan(20)
      expect(rule.recommendation).toMatch(/^(?:Remove|Include|Add|Shorten|Use|Complete|Write|Choose)\b/)
    }
  })
})

for (const [id, { passing, failing }] of Object.entries(EXAMPLES)) {
  describe(id, () => {
    it.each(passing)('passes: $name', (example) => {
      const b = example.brief ?? brief
      expect(runRule(id, b, example.artifact(b))).toEqual([])
    })

    it.each(failing)('fails: $name', (example) => {
      const b = example.brief ?? brief
      const findings = runRule(id, b, example.artifact(b)) ?? []
      expect(findings.map(finding => finding.location)).toEqual(example.locations)
      const rule = RULES.find(candidate => candidate.id === id)
      if (example.severity) expect(findings.map(finding => finding.severity ?? rule?.severity)).toEqual(example.locations.map(() => example.severity))
      for (const finding of findings) expect(finding.description.length).toBeGreaterThan(5)
    })
  })
}

describe('rules with nothing to check', () => {
  it('skips the hashtag cap when no platform has one', () => {
    const xOnly = makeBrief({ platforms: ['x'] })
    expect(runRule('platform.hashtag-count', xOnly, shortCopyArtifact(xOnly))).toBeNull()
  })
})
