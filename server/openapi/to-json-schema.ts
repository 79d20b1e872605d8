import { z } from 'zod'

export type JsonSchema = Record<string, unknown>

/**
 * A zod schema as the JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) of what a client sends
 * (`input`: defaults optional, before transforms) or receives (`output`). Refinements written as
 * code (`refine`) have no JSON Schema form and are left to the server's answers.
 */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema
  return jsonSchema
}
