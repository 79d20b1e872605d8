import { defineEventHandler } from 'h3'
import { buildOpenApiDocument, type OpenApiDocument } from '../openapi/build-document'

// The document never changes while the server runs: built on first request, then reused.
let document: OpenApiDocument | undefined

export default defineEventHandler(() => {
  document ??= buildOpenApiDocument()
  return document
})
