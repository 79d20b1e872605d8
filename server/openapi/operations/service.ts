import { z } from '#shared/schemas/zod'
import { SERVER_ROLES } from '../../config/server-role'
import type { OperationDefinition } from '../operation'

const healthState = z.enum(['Healthy', 'Unhealthy'])
const healthReportSchema = z.object({
  status: healthState,
  role: z.enum(SERVER_ROLES).meta({ description: 'What this process does (ROLE): all, web (no runs executed) or worker (runs only)' }),
  checks: z.record(z.string(), healthState).meta({ description: 'Each dependency by name: server, database, campaignEngine …' }),
})

// The OpenAPI document is described loosely: its own schema is the OpenAPI 3.1 specification.
const openApiDocumentSchema = z.looseObject({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }).loose(), paths: z.record(z.string(), z.unknown()) })

export const serviceOperations: OperationDefinition[] = [
  {
    method: 'get', path: '/health', tag: 'Service', access: 'public',
    summary: 'Whether the server and its dependencies are healthy',
    success: {
      200: { description: 'Healthy', schema: healthReportSchema },
      503: { description: 'A dependency is down', schema: healthReportSchema },
    },
  },
  {
    method: 'get', path: '/api/openapi.json', tag: 'Service', access: 'public',
    summary: 'This document',
    description: 'OpenAPI 3.1, generated from the schemas the endpoints validate with. Rate-limited like the rest of /api.',
    success: { 200: { description: 'The OpenAPI document', schema: openApiDocumentSchema } },
  },
]
