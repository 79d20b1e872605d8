// Reading the OpenAPI document for the reference page: operations by tag, and JSON Schemas as
// short labels ("string · date-time", "1 – 100").

export type JsonSchema = Record<string, unknown> & {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  anyOf?: JsonSchema[]
  enum?: unknown[]
  $ref?: string
}

export interface ReferenceParameter { name: string, in: string, required?: boolean, description?: string, schema: JsonSchema }
export interface ReferenceResponse { description: string, content?: Record<string, { schema: JsonSchema }> }
export interface ReferenceOperation {
  method: string
  path: string
  summary: string
  description?: string
  operationId: string
  security: Array<Record<string, unknown>>
  parameters?: ReferenceParameter[]
  requestBody?: { content: Record<string, { schema: JsonSchema }> }
  responses: Record<string, ReferenceResponse>
}
export interface ReferenceDocument {
  info: { title: string, version: string, description?: string }
  tags: Array<{ name: string }>
  paths: Record<string, Record<string, Omit<ReferenceOperation, 'method' | 'path'> & { tags: string[] }>>
  components: { schemas: Record<string, JsonSchema> }
}

/** The operations under each tag, in the document's order. */
export function operationsByTag(document: ReferenceDocument): Array<{ tag: string, operations: ReferenceOperation[] }> {
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ ...operation, method: method.toUpperCase(), path })))
  return document.tags.map(({ name }) => ({ tag: name, operations: operations.filter(operation => operation.tags.includes(name)) }))
}

/** `#/components/schemas/X` replaced by X's schema; other schemas as they are. */
export function resolveSchema(schema: JsonSchema, document: ReferenceDocument): JsonSchema {
  const name = schema.$ref?.replace('#/components/schemas/', '')
  return name ? document.components.schemas[name] ?? schema : schema
}

/** What a value is, in a few words: `string · date-time`, `array of string`, `"a" | "b"`, `integer or null`. */
export function schemaLabel(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map(value => JSON.stringify(value)).join(' | ')
  if ('const' in schema) return JSON.stringify(schema.const)
  if (schema.anyOf) return schema.anyOf.map(schemaLabel).join(' or ')
  if (schema.$ref) return schema.$ref.split('/').pop() ?? 'object'
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : schema.type ?? 'any'
  if (type === 'array' && schema.items) return `array of ${schemaLabel(schema.items)}`
  return typeof schema.format === 'string' ? `${type} · ${schema.format}` : type
}

const BOUNDS: Array<[string, string]> = [
  ['minLength', 'at least {} characters'], ['maxLength', 'at most {} characters'],
  ['minimum', '≥ {}'], ['maximum', '≤ {}'], ['minItems', 'at least {} items'], ['maxItems', 'at most {} items'],
]
// zod writes "no upper bound" for integers as the largest safe integer: not worth showing.
const UNBOUNDED = Number.MAX_SAFE_INTEGER

const singularFor = (count: number, phrase: string) => (count === 1 ? phrase.replace(/(character|item)s$/, '$1') : phrase)

/** The schema's limits and default, as short phrases. */
export function schemaConstraints(schema: JsonSchema): string[] {
  const phrases = BOUNDS
    .filter(([keyword]) => typeof schema[keyword] === 'number' && Math.abs(schema[keyword] as number) !== UNBOUNDED)
    .map(([keyword, phrase]) => singularFor(schema[keyword] as number, phrase.replace('{}', String(schema[keyword]))))
  if (typeof schema.pattern === 'string' && !schema.format) phrases.push(`matches ${schema.pattern}`)
  if ('default' in schema) phrases.push(`default ${JSON.stringify(schema.default)}`)
  return phrases
}

/** What to list under a schema: an array's items, a nullable object's object, or the schema itself. */
export function listedSchema(schema: JsonSchema): JsonSchema {
  const target = schema.type === 'array' && schema.items ? schema.items : schema
  const objects = target.anyOf?.filter(branch => branch.properties || branch.anyOf) ?? []
  return objects.length === 1 ? objects[0]! : target
}

/** The object shapes of a union (`anyOf`) of several, each listed on its own. */
export function objectVariants(schema: JsonSchema): JsonSchema[] {
  return (schema.anyOf ?? []).filter(branch => branch.properties)
}

/** A tag as a fragment identifier: `Review links` → `review-links`. */
export function tagAnchor(tag: string): string {
  return tag.toLowerCase().replace(/[^a-z0-9]+/g, '-')
}
