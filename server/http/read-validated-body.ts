import { getRequestHeader, readRawBody, type H3Event } from 'h3'
import type { z } from 'zod'
import { fieldErrors } from '#shared/utils/field-errors'
import { HttpProblem, problemTypes } from './problem'

/** The JSON body, parsed and checked against `schema`; a 400 Problem Details otherwise. */
export async function readValidatedJson<Schema extends z.ZodType>(event: H3Event, schema: Schema): Promise<z.output<Schema>> {
  const contentType = getRequestHeader(event, 'content-type') ?? ''
  const raw = await readRawBody(event, 'utf8')
  if (raw && contentType && !/^application\/([\w.+-]*\+)?json\b/i.test(contentType)) {
    throw new HttpProblem(415, 'Send the body as application/json')
  }
  let body: unknown = {}
  if (raw && raw.trim() !== '') {
    try {
      body = JSON.parse(raw)
    }
    catch {
      throw new HttpProblem(400, 'The request body is not valid JSON', { type: problemTypes.malformedJson, title: 'Malformed JSON' })
    }
  }
  return validate(schema, body)
}

export function validate<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  throw new HttpProblem(400, 'One or more fields are invalid', {
    type: problemTypes.validation,
    title: 'Validation failed',
    errors: fieldErrors(result.error),
  })
}
