import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CampaignHubEvents, CampaignHubMethods } from '#shared/campaign/hub-contract'

const ROOT = join(import.meta.dirname, '../../..')
/** Where the application's code lives: browser, server and what they share. */
const SOURCE_FOLDERS = ['components', 'composables', 'layouts', 'middleware', 'pages', 'server', 'shared', 'stores', 'utils']
const CONTRACT = 'shared/campaign/hub-contract.ts'

function sourceFiles(path: string): string[] {
  const entries = readdirSync(join(ROOT, path), { withFileTypes: true })
  return entries.flatMap((entry) => {
    const child = join(path, entry.name)
    if (entry.isDirectory()) return sourceFiles(child)
    return /\.(ts|vue)$/.test(entry.name) ? [child] : []
  })
}

describe('the campaign hub contract', () => {
  it('names every method and event after itself', () => {
    for (const names of [CampaignHubMethods, CampaignHubEvents]) {
      for (const [key, name] of Object.entries(names)) expect(name).toBe(key)
    }
  })

  it('is the only place in the application that spells a method or event name in quotes', () => {
    const names = [...Object.values(CampaignHubMethods), ...Object.values(CampaignHubEvents)]
    // Quotes, not backticks: comments name the events in backticks, and that is documentation.
    const quoted = new RegExp(`['"](${names.join('|')})['"]`)
    const offenders = SOURCE_FOLDERS.flatMap(sourceFiles)
      .filter(file => file !== CONTRACT)
      .filter(file => quoted.test(readFileSync(join(ROOT, file), 'utf8')))
    expect(offenders).toEqual([])
  })
})
