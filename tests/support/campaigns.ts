import { expect } from 'vitest'
import type { ApiClient, ApiResponse } from './api-client'
import { startApp, type RunningApp, type StartOptions } from './app-server'
import { SAMPLE_BRIEF } from './campaign-hub'

/** Stages in which a run is active (the campaign cannot be changed meanwhile). */
const RUNNING_STAGES = ['Queued', 'Generating', 'Auditing', 'Revising']

/**
 * A brief that makes an unsubstantiated claim about its product: the built-in writer carries it, so the
 * audit flags it High and the revision loop has something to fix.
 */
export const RISKY_BRIEF = {
  ...SAMPLE_BRIEF,
  theme: 'Summer trail push',
  product: `${SAMPLE_BRIEF.product} that is guaranteed to make you faster`,
}

/**
 * The built server for campaign tests: the offline writer at zero pace unless a test needs time,
 * and a rate limit high enough that polling a campaign's state never turns into 429s.
 */
export function startCampaignApp(env: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningApp> {
  return startApp({ OFFLINE_WRITER_PACE_MS: '0', RATE_LIMIT_PER_MINUTE: '100000', ...env }, options)
}

export async function createCampaign(client: ApiClient, brief: object = SAMPLE_BRIEF): Promise<string> {
  const response = await client.post('/api/campaigns', brief)
  if (response.status !== 201) throw new Error(`Create failed: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body.id
}

/** Creates a campaign and generates it to the end: what a test that needs finished work starts from. */
export async function generatedCampaign(client: ApiClient, brief: object = SAMPLE_BRIEF): Promise<string> {
  const id = await createCampaign(client, brief)
  await runToEnd(client, id, '/generate')
  return id
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CampaignDetail = any

/** No run is queued or active: the campaign is Completed, Failed, Cancelled, Created or awaiting review. */
export const isSettled = (detail: CampaignDetail) => detail.status !== 'InProgress' || !RUNNING_STAGES.includes(detail.stage)

/** Polls `GET /api/campaigns/{id}` until `until` holds; the last detail seen is in the timeout's message. */
export async function waitForCampaign(
  client: ApiClient, id: string, until: (detail: CampaignDetail) => boolean = isSettled, timeoutMs = 20_000,
): Promise<CampaignDetail> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const response = await client.get(`/api/campaigns/${id}`)
    if (response.status === 200 && until(response.body)) return response.body
    if (Date.now() > deadline) throw new Error(`Campaign ${id} did not reach the expected state: ${response.status} ${JSON.stringify(response.body)}`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

/** Starts a run (generate, revise, regenerate …) that must be accepted, and waits for it to settle. */
export async function runToEnd(client: ApiClient, id: string, path: string, body?: unknown): Promise<CampaignDetail> {
  const accepted = await client.post(`/api/campaigns/${id}${path}`, body)
  expect(accepted.status, `POST ${path}: ${JSON.stringify(accepted.body)}`).toBe(202)
  return waitForCampaign(client, id)
}

/** The versions of the artifact type whose current version is `artifactId`, newest first. */
export async function versionsOf(client: ApiClient, id: string, artifactId: string) {
  const response = await client.get(`/api/campaigns/${id}/artifacts/${artifactId}/versions`)
  expect(response.status).toBe(200)
  return response.body.versions as CampaignDetail[]
}

/** type → iteration of each current artifact, from the campaign detail. */
export function iterations(detail: CampaignDetail): Record<string, number> {
  return Object.fromEntries(detail.artifacts.map((artifact: { type: string, iteration: number }) => [artifact.type, artifact.iteration]))
}

/** An RFC 7807 answer with the given status, and nothing of a stack trace in it. */
export function expectProblem(response: ApiResponse, status: number): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status)
  expect(response.headers.get('content-type')).toContain('application/problem+json')
  expect(response.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String), instance: expect.any(String) })
  expect(JSON.stringify(response.body)).not.toMatch(/\bat .+:\d+:\d+/)
}

/** A 400 validation answer naming each field in `fields` under `errors`. */
export function expectFieldErrors(response: ApiResponse, fields: string[]): void {
  expectProblem(response, 400)
  for (const field of fields) {
    expect(response.body.errors?.[field], `errors.${field} in ${JSON.stringify(response.body.errors)}`).toEqual([expect.any(String)])
  }
}
