import { brandKitListSchema, brandKitRequestSchema, savedBrandKitSchema } from '#shared/campaign'
import { z } from '#shared/schemas/zod'
import type { OperationDefinition } from '../operation'

const TAG = 'Brand kits'
// Another user's kit is a 404 too: its existence is not revealed.
const ownKit = { id: { schema: z.string(), description: 'The brand kit\'s id.' } }

export const brandKitOperations: OperationDefinition[] = [
  {
    method: 'get', path: '/api/brand-kits', tag: TAG, access: 'user',
    summary: 'List the caller\'s brand kits, by name',
    success: { 200: { description: 'Every kit the caller saved', schema: brandKitListSchema } },
  },
  {
    method: 'post', path: '/api/brand-kits', tag: TAG, access: 'user',
    summary: 'Save a brand kit',
    description: 'An account keeps at most `BRAND_KITS_PER_USER` kits (50 by default); past that, 409 `/problems/brand-kit-limit`.',
    body: brandKitRequestSchema,
    success: { 201: { description: 'The saved kit', schema: savedBrandKitSchema, headers: ['Location'] } },
    problems: [409],
  },
  {
    method: 'get', path: '/api/brand-kits/{id}', tag: TAG, access: 'user',
    summary: 'A brand kit',
    pathParameters: ownKit,
    success: { 200: { description: 'The kit', schema: savedBrandKitSchema } },
    problems: [404],
  },
  {
    method: 'put', path: '/api/brand-kits/{id}', tag: TAG, access: 'user',
    summary: 'Replace a brand kit',
    description: 'Campaigns launched with the kit keep the copy in their brief; only later campaigns see the change.',
    pathParameters: ownKit,
    body: brandKitRequestSchema,
    success: { 200: { description: 'The kit as saved', schema: savedBrandKitSchema } },
    problems: [404],
  },
  {
    method: 'delete', path: '/api/brand-kits/{id}', tag: TAG, access: 'user',
    summary: 'Delete a brand kit',
    description: 'Campaigns launched with the kit keep the copy in their brief.',
    pathParameters: ownKit,
    success: { 204: { description: 'Deleted' } },
    problems: [404],
  },
]
