import { problemDetailsSchema } from '#shared/schemas/account-responses'
import type { OperationDefinition, SuccessResponse } from './operation'
import { accountOperations } from './operations/accounts'
import { brandKitOperations } from './operations/brand-kits'
import { campaignOperations } from './operations/campaigns'
import { reviewOperations } from './operations/reviews'
import { serviceOperations } from './operations/service'
import { PROBLEM_DESCRIPTIONS, problemStatuses } from './problem-responses'
import { toJsonSchema, type JsonSchema } from './to-json-schema'

/** Every documented operation; the contract test checks this against the route files. */
export const OPERATIONS: OperationDefinition[] = [...accountOperations, ...campaignOperations, ...brandKitOperations, ...reviewOperations, ...serviceOperations]

const RATE_LIMIT_HEADERS = ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset']
const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` })

const SECURITY = {
  'user': [{ sessionCookie: [] }, { personalAccessToken: [] }],
  'session': [{ sessionCookie: [] }],
  'review-link': [],
  'public': [],
}

function headersFor(operation: OperationDefinition, extra: string[] = []) {
  const names = [...(operation.path.startsWith('/api/') ? RATE_LIMIT_HEADERS : []), ...extra]
  return names.length ? Object.fromEntries(names.map(name => [name, ref('headers', name)])) : undefined
}

function successResponse(operation: OperationDefinition, response: SuccessResponse) {
  return {
    description: response.description,
    headers: headersFor(operation, response.headers),
    ...(response.schema ? { content: { 'application/json': { schema: toJsonSchema(response.schema, 'output') } } } : {}),
  }
}

function problemResponse(operation: OperationDefinition, status: number) {
  const retryAfter = status === 429 || status === 503 ? ['Retry-After'] : []
  return {
    description: PROBLEM_DESCRIPTIONS[status] ?? 'An error',
    headers: headersFor(operation, retryAfter),
    content: { 'application/problem+json': { schema: ref('schemas', 'ProblemDetails') } },
  }
}

function parameters(operation: OperationDefinition) {
  const inPath = Object.entries(operation.pathParameters ?? {}).map(([name, parameter]) => ({
    name, in: 'path', required: true, description: parameter.description, schema: toJsonSchema(parameter.schema, 'input'),
  }))
  const query = operation.query ? toJsonSchema(operation.query, 'input') : { properties: {} }
  const required = (query.required ?? []) as string[]
  const inQuery = Object.entries(query.properties as Record<string, JsonSchema>).map(([name, schema]) => ({
    name, in: 'query', required: required.includes(name), schema,
  }))
  return [...inPath, ...inQuery]
}

function operationObject(operation: OperationDefinition) {
  const responses: Record<string, unknown> = {}
  for (const [status, response] of Object.entries(operation.success)) responses[status] = successResponse(operation, response)
  for (const status of problemStatuses(operation)) responses[status] = problemResponse(operation, status)
  const parameterList = parameters(operation)
  return {
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    operationId: `${operation.method}${operation.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string = '') => next.toUpperCase())}`,
    security: SECURITY[operation.access],
    ...(parameterList.length ? { parameters: parameterList } : {}),
    ...(operation.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: toJsonSchema(operation.body, 'input') } } } }
      : {}),
    responses,
  }
}

const HEADER_DESCRIPTIONS: Record<string, string> = {
  'X-RateLimit-Limit': 'Requests allowed per minute for the caller',
  'X-RateLimit-Remaining': 'Requests left in the current minute',
  'X-RateLimit-Reset': 'When the budget refills, in Unix seconds',
  'Retry-After': 'Seconds to wait before retrying',
  'Location': 'The created resource',
}

/** The OpenAPI 3.1 document of the REST API, assembled from the route table. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const operation of OPERATIONS) {
    paths[operation.path] = { ...paths[operation.path], [operation.method]: operationObject(operation) }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Marketing Agents Platform API',
      version: '1.0.0',
      description: 'Errors are RFC 7807 Problem Details (`application/problem+json`). Every /api answer carries rate-limit headers. '
        + 'The realtime hub (`/hubs/campaign`, SignalR) is described in the project\'s docs.',
    },
    tags: [...new Set(OPERATIONS.map(operation => operation.tag))].map(name => ({ name })),
    paths,
    components: {
      schemas: { ProblemDetails: toJsonSchema(problemDetailsSchema, 'output') },
      headers: Object.fromEntries(Object.entries(HEADER_DESCRIPTIONS).map(([name, description]) => [
        name, { description, schema: { type: name === 'Location' ? 'string' : 'integer' } },
      ])),
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'nuxt-session', description: 'The session cookie set by sign-in and registration.' },
        personalAccessToken: { type: 'http', scheme: 'bearer', description: 'A personal access token from `POST /api/tokens`.' },
      },
    },
  }
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>
