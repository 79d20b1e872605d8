import * as signalR from '@microsoft/signalr'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ArtifactChunk, CampaignArtifact, ComplianceAuditResult, GenerationError } from '#shared/campaign'
import { registerUser } from '../../support/api-client'
import { connectCampaignHub, hubTokenFrom, SAMPLE_BRIEF } from '../../support/campaign-hub'
import { createCampaign } from '../../support/campaigns'
import { useCampaignApp } from '../../support/campaign-suite'

/** Keeps what the official client logs at Warning and above: "No client method …" is one. */
class WarningLogger implements signalR.ILogger {
  readonly warnings: string[] = []
  log(level: signalR.LogLevel, message: string): void {
    if (level >= signalR.LogLevel.Warning) this.warnings.push(message)
  }
}

/**
 * The seed's own client (docs: realtime-api.md): its connection settings and its six event
 * handlers as written there, and nothing else. Such a client must hear exactly the events it
 * registered, a whole campaign long, whoever else watches the campaign.
 */
describe('the seed\'s client code', () => {
  const suite = useCampaignApp()
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('runs a whole campaign without one "No client method" warning, while the dashboard still hears every change', async () => {
    const printed: string[] = []
    const print = (...parts: unknown[]) => void printed.push(parts.map(String).join(' '))
    vi.spyOn(console, 'log').mockImplementation(print)
    vi.spyOn(console, 'error').mockImplementation(print)
    const streamed: Record<string, string> = {}
    const finalized: string[] = []
    const appendToArtifact = (type: string, text: string) => void (streamed[type] = (streamed[type] ?? '') + text)
    const finalizeArtifact = (type: string) => void finalized.push(type)

    const accessToken = await hubTokenFrom(suite.owner.client)
    const logger = new WarningLogger()
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(`${suite.app.url}/hubs/campaign`, {
        accessTokenFactory: () => accessToken,
      })
      .withAutomaticReconnect()
      .configureLogging(logger)
      .build()

    connection.on('OnCampaignStarted', (campaignId: string) => {
      console.log(`Campaign ${campaignId} generation started`)
    })
    connection.on('OnArtifactGenerated', (artifact: CampaignArtifact) => {
      console.log(`New ${artifact.type} artifact:`, artifact.content)
      // Update UI with new artifact
    })
    connection.on('OnComplianceCheckCompleted', (result: ComplianceAuditResult) => {
      if (result.isCompliant) {
        console.log(`Campaign approved with score ${result.complianceScore}`)
      }
      else {
        console.log(`Compliance issues found:`, result.issues)
      }
    })
    connection.on('OnCampaignCompleted', (campaignId: string) => {
      console.log(`Campaign ${campaignId} completed successfully`)
      // Navigate to review dashboard
    })
    connection.on('OnGenerationFailed', (error: GenerationError) => {
      console.error(`Campaign generation failed:`, error.errorMessage)
      // Show error notification to user
    })
    connection.on('OnChunkReceived', (chunk: ArtifactChunk) => {
      // Append chunk to UI
      appendToArtifact(chunk.artifactType, chunk.chunk)

      if (chunk.isComplete) {
        finalizeArtifact(chunk.artifactType)
      }
    })

    // The owner's dashboard in another tab: it watches every campaign of the suite.owner.
    const dashboard = await connectCampaignHub(suite.app.url, suite.owner.client)
    await dashboard.connection.invoke('WatchCampaigns')

    const id = await createCampaign(suite.owner.client, SAMPLE_BRIEF)
    await connection.start()
    await connection.invoke('JoinCampaignGroup', id)
    expect((await suite.owner.client.post(`/api/campaigns/${id}/generate`)).status).toBe(202)

    await dashboard.log.waitFor(event => event.name === 'OnCampaignUpdated' && event.args[0].status === 'Completed', 'the Completed snapshot')
    // A completed invocation comes after everything the server sent this connection before it.
    await connection.invoke('LeaveCampaignGroup', id)

    expect(printed).toContain(`Campaign ${id} generation started`)
    expect(printed).toContain(`Campaign ${id} completed successfully`)
    expect(printed.filter(line => line.startsWith('New '))).toHaveLength(3)
    expect(finalized.sort()).toEqual(['Copy', 'ShortCopy', 'Visual'])
    expect(streamed.Copy).toBeTruthy()
    expect(logger.warnings).toEqual([])

    // The status answer reaches the caller that asked, once, and only then.
    const answers: unknown[] = []
    connection.on('OnCampaignStatusReceived', snapshot => void answers.push(snapshot))
    await connection.invoke('RequestCampaignStatus', id)
    expect(answers).toEqual([expect.objectContaining({ campaignId: id, status: 'Completed' })])

    const stages = dashboard.log.named('OnCampaignUpdated').map(event => `${event.args[0].status}/${event.args[0].stage}`)
    expect(stages).toEqual(['Created/null', 'InProgress/Queued', 'InProgress/Generating', 'InProgress/Auditing', 'Completed/null'])
    expect(dashboard.log.named('OnCampaignStatusReceived')).toEqual([])
    await Promise.all([connection.stop(), dashboard.connection.stop()])
  })

  it('refuses a watch it may not have, with a hub error', async () => {
    const stranger = await registerUser(suite.app.url)
    const id = await createCampaign(suite.owner.client)
    const { connection } = await connectCampaignHub(suite.app.url, stranger.client)
    try {
      await expect(connection.invoke('WatchCampaign', id)).rejects.toThrow(`Campaign '${id}' was not found.`)
      await expect(connection.invoke('WatchCampaign', '')).rejects.toThrow()
      await expect(connection.invoke('WatchCampaigns', 'extra')).rejects.toThrow()
      expect(connection.state).toBe('Connected')
    }
    finally {
      await connection.stop()
    }
  })
})
