import type { CreatedPersonalAccessToken, HubTokenResponse, PersonalAccessTokenSummary, ProblemDetails, PublicUser } from '../types/account'
import { z } from './zod'

// Response shapes as zod, for the OpenAPI document. Each `satisfies` ties a schema to the
// TypeScript type the server returns, so the two cannot drift apart unnoticed.

const timestamp = z.iso.datetime({ offset: true })

export const publicUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  createdAt: timestamp,
}).meta({ description: 'A user as the API shows it: never the password hash.' }) satisfies z.ZodType<PublicUser>

export const userResponseSchema = z.object({ user: publicUserSchema })

export const personalAccessTokenSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().meta({ description: 'The first characters of the secret, so tokens can be told apart.' }),
  createdAt: timestamp,
  expiresAt: timestamp,
  lastUsedAt: timestamp.nullable(),
}) satisfies z.ZodType<PersonalAccessTokenSummary>

export const personalAccessTokenListSchema = z.object({ items: z.array(personalAccessTokenSummarySchema) })

export const createdPersonalAccessTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  token: z.string().meta({ description: 'The secret: shown this once, stored only as a hash.' }),
  expiresAt: timestamp,
}) satisfies z.ZodType<CreatedPersonalAccessToken>

export const hubTokenResponseSchema = z.object({
  accessToken: z.string().meta({ description: 'A short-lived signed token for the realtime hub.' }),
  expiresAt: timestamp,
  url: z.string().meta({ description: 'The hub address to connect to.' }),
}) satisfies z.ZodType<HubTokenResponse>

export const problemDetailsSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  instance: z.string(),
  errors: z.record(z.string(), z.array(z.string())).optional()
    .meta({ description: 'Validation failures: field name → messages.' }),
  correlationId: z.string().optional()
    .meta({ description: 'Set on server-side failures: quote it when reporting one.' }),
}).meta({ description: 'RFC 7807 Problem Details.' }) satisfies z.ZodType<ProblemDetails>
