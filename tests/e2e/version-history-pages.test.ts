import { describe, expect, it } from 'vitest'
import { registerUser } from '../support/api-client'
import { openPage, useAppInBrowser } from '../support/browser-suite'
import { startCampaignApp, generatedCampaign } from '../support/campaigns'
import { waitForHydration } from '../support/csp-violations'

/** Versions the server sends in its first page of a history. */
const FIRST_PAGE = 20

/** A long history in the dashboard: the newest page first, older ones on request. */
describe('a long version history in Chromium', () => {
  const suite = useAppInBrowser(() => startCampaignApp())

  it('shows the newest versions, then older ones on request until every version is there', async () => {
    const owner = await registerUser(suite.app.url)
    const campaignId = await generatedCampaign(owner.client)
    let copy = (await owner.client.get(`/api/campaigns/${campaignId}/artifacts?type=Copy`)).body.artifacts[0]
    // Version 1 and FIRST_PAGE + 1 edits: the history is one page and two versions long.
    for (let edit = 1; edit <= FIRST_PAGE + 1; edit++) {
      const saved = await owner.client.post(`/api/campaigns/${campaignId}/artifacts/${copy.id}/versions`, {
        type: 'Copy', basedOn: copy.metadata.iteration, headlines: [`Trail edit ${edit}`, ...copy.metadata.headlines.slice(1)], body: copy.metadata.body, callsToAction: copy.metadata.callsToAction,
      })
      expect(saved.status, JSON.stringify(saved.body)).toBe(201)
      copy = saved.body
    }

    const { page, errors, cspViolations } = await openPage(suite, { signedInAs: owner.client, viewport: { width: 1280, height: 900 } })
    await page.goto(`${suite.app.url}/campaigns/${campaignId}`)
    await waitForHydration(page)
    await page.getByRole('toolbar', { name: 'Copy actions', exact: true }).getByRole('button', { name: 'Version history' }).click()
    const dialog = page.getByRole('dialog', { name: 'Copy version history' })
    const versions = dialog.getByRole('list', { name: 'Versions' }).getByRole('listitem')
    await versions.nth(FIRST_PAGE - 1).waitFor()
    expect(await versions.count()).toBe(FIRST_PAGE)
    expect(await versions.first().innerText()).toMatch(/^Version 22/u)

    const older = dialog.getByRole('button', { name: 'Show older versions' })
    await older.click()
    await versions.nth(FIRST_PAGE + 1).waitFor()
    expect(await versions.last().innerText()).toMatch(/^Version 1\b/u)
    await older.waitFor({ state: 'detached' })
    expect(await versions.count()).toBe(FIRST_PAGE + 2)
    expect(await cspViolations()).toEqual([])
    expect(errors).toEqual([])
  })
})
