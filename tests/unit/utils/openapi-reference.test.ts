import { describe, expect, it } from 'vitest'
import { listedSchema, objectVariants, operationsByTag, schemaConstraints, schemaLabel, tagAnchor, type ReferenceDocument } from '../../../utils/openapi-reference'

describe('reading JSON Schemas for the API reference', () => {
  it('labels types, formats, enums, arrays and nullable values', () => {
    expect(schemaLabel({ type: 'string', format: 'date-time' })).toBe('string · date-time')
    expect(schemaLabel({ type: 'string', enum: ['Copy', 'Visual'] })).toBe('"Copy" | "Visual"')
    expect(schemaLabel({ type: 'array', items: { type: 'integer' } })).toBe('array of integer')
    expect(schemaLabel({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe('string or null')
    expect(schemaLabel({ $ref: '#/components/schemas/ProblemDetails' })).toBe('ProblemDetails')
    expect(schemaLabel({})).toBe('any')
  })

  it('states limits and defaults, leaving out the unbounded integer maximum', () => {
    expect(schemaConstraints({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, default: 1 })).toEqual(['≥ 1', 'default 1'])
    expect(schemaConstraints({ type: 'string', minLength: 1, maxLength: 200 })).toEqual(['at least 1 character', 'at most 200 characters'])
    expect(schemaConstraints({ type: 'string', pattern: '^#' })).toEqual(['matches ^#'])
    expect(schemaConstraints({ type: 'string', format: 'date-time', pattern: '^…$' })).toEqual([])
  })

  it('lists an array\'s items, a nullable object\'s object and each shape of a union', () => {
    const item = { type: 'object', properties: { id: { type: 'string' } } }
    expect(listedSchema({ type: 'array', items: item })).toBe(item)
    expect(listedSchema({ anyOf: [item, { type: 'null' }] })).toBe(item)
    const union = { anyOf: [item, { type: 'object', properties: { name: { type: 'string' } } }] }
    expect(listedSchema(union)).toBe(union)
    expect(objectVariants(union)).toHaveLength(2)
  })

  it('groups operations under their tags in the document\'s order', () => {
    const operation = (tag: string, operationId: string) => ({ tags: [tag], operationId, summary: '', security: [], responses: {} })
    const document = {
      info: { title: 'API', version: '1' },
      tags: [{ name: 'Campaigns' }, { name: 'Review links' }],
      paths: {
        '/api/review/{token}': { get: operation('Review links', 'view') },
        '/api/campaigns': { get: operation('Campaigns', 'list'), post: operation('Campaigns', 'create') },
      },
      components: { schemas: {} },
    } as ReferenceDocument
    expect(operationsByTag(document).map(group => [group.tag, group.operations.map(op => `${op.method} ${op.path}`)])).toEqual([
      ['Campaigns', ['GET /api/campaigns', 'POST /api/campaigns']],
      ['Review links', ['GET /api/review/{token}']],
    ])
    expect(tagAnchor('Review links')).toBe('review-links')
  })
})
