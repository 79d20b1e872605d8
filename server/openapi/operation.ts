import type { z } from 'zod'

/**
 * Who may call an operation: `user` a session cookie or a personal access token; `session` the
 * session cookie only; `review-link` the link's secret in the path; `public` anyone.
 */
export type Access = 'user' | 'session' | 'review-link' | 'public'

export interface SuccessResponse {
  description: string
  /** No schema: an empty body (204). */
  schema?: z.ZodType
  /** Response headers beyond the rate-limit ones every /api answer carries. */
  headers?: Array<'Location'>
}

export interface PathParameter {
  schema: z.ZodType
  description: string
}

/** One row of the route table the OpenAPI document is assembled from. */
export interface OperationDefinition {
  method: 'get' | 'post' | 'put' | 'delete'
  /** OpenAPI form: `/api/campaigns/{id}`. */
  path: string
  tag: string
  summary: string
  description?: string
  access: Access
  pathParameters?: Record<string, PathParameter>
  /** The zod object the handler validates its query string with. */
  query?: z.ZodObject
  /** The zod schema the handler validates its JSON body with. */
  body?: z.ZodType
  success: Record<number, SuccessResponse>
  /**
   * Problem Details statuses this operation answers beyond those every operation of its kind does
   * (401 for signed-in calls, 400 when there is input, 429 and 500 everywhere).
   */
  problems?: number[]
}
