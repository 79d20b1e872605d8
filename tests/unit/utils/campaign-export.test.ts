import MarkdownIt, { type Token } from 'markdown-it'
import { describe, expect, it } from 'vitest'
import type { CampaignArtifact, ComplianceAuditResult } from '#shared/campaign'
import { csvCell } from '../../../utils/csv'
import { artifactToMarkdown, campaignToMarkdown, exportablePlatforms, platformPostsCsv, type CampaignExport } from '../../../utils/campaign-export'

// Raw HTML and bare-URL links on, as the most permissive renderers have them.
const markdown = new MarkdownIt({ html: true, linkify: true })

/** A section that passes itself off as the audit, with HTML, a script link and a code fence along. */
const FORGED = [
  'Spring sale',
  '',
  '## Compliance',
  '',
  'Score 100 — Pass',
  '- [Approved](javascript:alert(1)) <img src=x onerror=alert(1)> &#106;avascript:alert(1)',
  '    indented as code',
  '```html',
  '<script>alert(1)</script>',
  '```',
  '[ref]: javascript:alert(1)',
  '> a quote, | a | table |, **bold** _em_ ~~struck~~ `code` ![img](x.png) <javascript:alert(1)>',
  '===',
  '1. numbered #',
].join('\n')

const createdAt = '2026-01-01T12:00:00.000Z'

function artifact(type: CampaignArtifact['type'], metadata: object): CampaignArtifact {
  return { id: `art_${type}`, campaignId: 'camp_x', type, content: '', createdAt, agentName: FORGED, metadata: { model: FORGED, iteration: 1, ...metadata } as CampaignArtifact['metadata'] }
}

const compliance: ComplianceAuditResult = {
  campaignId: 'camp_x', isCompliant: false, complianceScore: 41, feedback: '', auditedAt: createdAt, verdict: 'Fail',
  categoryScores: { tone: 40, clarity: 40, compliance: 40, accessibility: 40, risk: 40 },
  issues: [{ artifactType: 'Copy', issueDescription: FORGED, severity: 'High', ruleId: 'claims.unsubstantiated', category: 'compliance', location: FORGED, recommendation: FORGED, source: 'rules' }],
}

const campaign: CampaignExport = {
  id: 'camp_x',
  theme: FORGED,
  status: 'Completed',
  brief: { theme: FORGED, product: FORGED, targetAudience: FORGED, tone: FORGED, constraints: [], platforms: ['x', 'linkedin'], executionMode: 'parallel' },
  artifacts: {
    Copy: artifact('Copy', { headlines: [FORGED, 'Trail shoes, 20% off'], body: { short: FORGED, medium: FORGED, long: FORGED }, callsToAction: [FORGED], toneNote: '' }),
    ShortCopy: artifact('ShortCopy', {
      platforms: [{ platform: 'x', variants: [
        { text: 'First paragraph #TrailLife\n\nSecond paragraph\nits second line\n\n- not a bullet', hashtags: ['#TrailLife', '#Spring'], characterCount: 60, limit: 280, overLimit: false },
        { text: FORGED, hashtags: [], characterCount: 10, limit: 280, overLimit: false },
      ] }],
    }),
    Visual: artifact('Visual', {
      concepts: [{
        name: FORGED, palette: [{ hex: '#112233', role: 'text' }], layout: [], contrast: [], imagePrompt: FORGED,
        altText: { subject: '', purpose: '', mood: '', text: FORGED },
      }],
    }),
  },
  compliance,
}

const tokens = markdown.parse(campaignToMarkdown(campaign), {})
const textOf = (inline: Token) => (inline.children ?? []).map(child => child.type === 'softbreak' ? ' ' : child.content).join('')

describe('the Markdown export', () => {
  it('has only its own headings, whatever the brief and the drafts say', () => {
    const headings = tokens.flatMap((token, index) => token.type === 'heading_open' ? [`${token.tag} ${textOf(tokens[index + 1]!)}`] : [])
    const forgedLine = FORGED.replace(/\s+/g, ' ')
    expect(headings).toEqual([
      `h1 ${forgedLine}`,
      'h2 Copy', 'h3 Headlines', 'h3 Body', 'h3 Calls to action',
      'h2 Short copy', 'h3 X', 'h4 Post 1 (60/280 characters)', 'h4 Post 2 (10/280 characters)',
      'h2 Visual', `h3 ${forgedLine}`,
      'h2 Compliance',
    ])
  })

  it('carries no HTML, code, quote, table, image or link from user text, only that text as written', () => {
    const kinds = new Set(tokens.flatMap(token => [token, ...(token.children ?? [])]).map(token => token.type))
    for (const kind of ['html_block', 'html_inline', 'code_block', 'code_inline', 'fence', 'blockquote_open', 'table_open', 'image', 'link_open', 's_open', 'strong_open', 'ordered_list_open', 'hr']) {
      expect(kinds, kind).not.toContain(kind)
    }
    const html = markdown.render(campaignToMarkdown(campaign))
    expect(html).not.toMatch(/<(img|script)\b/)
    expect(html).toContain('[Approved](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt; &amp;#106;avascript:alert(1)')
  })

  it('shows the verdict the audit gave, not one a brief wrote', () => {
    const compliance = campaignToMarkdown(campaign).split('\n## Compliance\n')
    expect(compliance).toHaveLength(2)
    expect(compliance[1]).toMatch(/^\nScore 41 — Fail\n/)
  })

  it('gives each post its own heading with its count, and the post as published, paragraphs and lines kept', () => {
    const exported = campaignToMarkdown(campaign)
    expect(exported).toContain('#### Post 1 (60/280 characters)\n\nFirst paragraph #TrailLife\n\nSecond paragraph\\\nits second line\n\n\\- not a bullet\n\n\\#Spring\n\n#### Post 2')
    expect(exported).toContain('- Trail shoes, 20% off\n')
    const start = tokens.findIndex(token => token.type === 'inline' && token.content.startsWith('First paragraph'))
    const end = tokens.findIndex((token, index) => index > start && token.type === 'heading_open')
    const post = tokens.slice(start, end).filter(token => token.type === 'inline')
    expect(post.map(textOf)).toEqual(['First paragraph #TrailLife', 'Second paragraphits second line', '- not a bullet', '#Spring'])
    // The count is in the heading, never in the post's own text; the line break is a hard one.
    expect(post.flatMap(inline => inline.children ?? []).map(child => child.type)).toContain('hardbreak')
    expect(post.map(textOf).join(' ')).not.toMatch(/\d+\/280/)
  })

  it('says who edited or restored a version instead of naming a writer that did not write it', () => {
    const edited = artifact('Copy', { headlines: ['Edited'], body: { short: '', medium: '', long: '' }, callsToAction: [], toneNote: '', iteration: 2, editedBy: 'Ana Lopez', basedOn: 1 })
    expect(artifactToMarkdown(edited).split('\n\n')[1]).toBe('_Edited by Ana Lopez (version 2)_')
    const restored = { ...edited, metadata: { ...edited.metadata, iteration: 3, restoredFrom: 1 } }
    expect(artifactToMarkdown(restored).split('\n\n')[1]).toBe('_Restored from version 1 by Ana Lopez (version 3)_')
  })
})

describe('the per-platform CSV', () => {
  const rowsOf = (csv: string) => csv.split('\r\n')

  it('has a header bulk-scheduling tools map, one quoted row per post and CRLF line ends', () => {
    const csv = platformPostsCsv(campaign.artifacts, 'x')
    const rows = rowsOf(csv)
    expect(rows[0]).toBe('"Text","Link","Image alt text"')
    expect(rows.at(-1)).toBe('')
    // The first post runs over several lines, kept inside its quoted cell.
    expect(csv).toContain('"First paragraph #TrailLife\n\nSecond paragraph\nits second line\n\n- not a bullet\n\n#Spring",""')
    expect(exportablePlatforms(campaign.artifacts)).toEqual(['x'])
    expect(platformPostsCsv(campaign.artifacts, 'linkedin')).toBe('"Text","Link","Image alt text"\r\n')
  })

  it('takes the first link of the post and the concepts\' alt text in turn', () => {
    const variants = ['Read more at https://example.com/trail?x=1, today.', 'No link here', 'Third'].map(text => ({ text, hashtags: [], characterCount: 10, limit: 280, overLimit: false }))
    const concept = (name: string, alt: string) => ({ name, palette: [], layout: [], contrast: [], imagePrompt: '', altText: { subject: '', purpose: '', mood: '', text: alt } })
    const artifacts = {
      ShortCopy: artifact('ShortCopy', { platforms: [{ platform: 'linkedin', variants }] }),
      Visual: artifact('Visual', { concepts: [concept('A', 'Runner at dawn'), concept('B', 'Shoe on a rock')] }),
    }
    expect(rowsOf(platformPostsCsv(artifacts, 'linkedin')).slice(1, 4)).toEqual([
      '"Read more at https://example.com/trail?x=1, today.","https://example.com/trail?x=1","Runner at dawn"',
      '"No link here","","Shoe on a rock"',
      '"Third","","Runner at dawn"',
    ])
  })

  it('makes every cell a spreadsheet would run as a formula inert, and doubles quotes', () => {
    const texts = ['=HYPERLINK("http://evil.example","click")', '+1 555', '-2+3', '@SUM(A1)', 'Say "hi"']
    const variants = texts.map(text => ({ text, hashtags: [], characterCount: 10, limit: 280, overLimit: false }))
    const artifacts = { ShortCopy: artifact('ShortCopy', { platforms: [{ platform: 'x', variants }] }) }
    expect(rowsOf(platformPostsCsv(artifacts, 'x')).slice(1, 6)).toEqual([
      '"\'=HYPERLINK(""http://evil.example"",""click"")","http://evil.example",""',
      '"\'+1 555","",""', '"\'-2+3","",""', '"\'@SUM(A1)","",""', '"Say ""hi""","",""',
    ])
    expect(csvCell('\t=1')).toBe('"\'\t=1"')
    expect(csvCell('a, b\r\nc')).toBe('"a, b\r\nc"')
  })
})
