import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { expect } from 'vitest'
import { ApiClient, type ApiResponse } from './api-client'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OpenApiDocument = any

/** `/api/campaigns/{id}` as a pattern matching `/api/campaigns/3f…`. */
function templatePattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')
  return new RegExp(`^${escaped}$`)
}

/**
 * Checks real answers against an OpenAPI document: the status is documented for that operation,
 * the body validates against the documented schema (JSON Schema 2020-12), the documented headers
 * are present. Remembers which operations were exercised.
 */
export class OpenApiContract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true })
  private readonly validators = new Map<string, ValidateFunction>()
  private readonly templates: Array<{ template: string, pattern: RegExp }>
  readonly exercised = new Set<string>()

  constructor(readonly document: OpenApiDocument) {
    addFormats.default(this.ajv)
    // Literal segments first, so `/api/tokens` is not taken for a parameter of another template.
    this.templates = Object.keys(document.paths)
      .sort((a, b) => a.split('{').length - b.split('{').length)
      .map(template => ({ template, pattern: templatePattern(template) }))
  }

  operations(): string[] {
    return Object.entries(this.document.paths as Record<string, object>)
      .flatMap(([path, item]) => Object.keys(item).map(method => `${method.toUpperCase()} ${path}`))
  }

  check(method: string, url: string, response: ApiResponse): void {
    const path = url.split('?')[0]!
    const template = this.templates.find(candidate => candidate.pattern.test(path))?.template
    const where = `${method} ${path} → ${response.status}`
    expect(template, `${where}: no documented path`).toBeDefined()
    const operation = this.document.paths[template!][method.toLowerCase()]
    expect(operation, `${where}: method not documented`).toBeDefined()
    const documented = operation.responses[String(response.status)]
    expect(documented, `${where}: status not documented; body ${JSON.stringify(response.body)}`).toBeDefined()
    this.exercised.add(`${method} ${template}`)

    for (const header of Object.keys(documented.headers ?? {})) {
      expect(response.headers.has(header), `${where}: header ${header} missing`).toBe(true)
    }
    const [mediaType, media] = Object.entries(documented.content ?? {})[0] ?? []
    if (!media) {
      expect(response.body, `${where}: documented as empty`).toBeUndefined()
      return
    }
    expect(response.headers.get('content-type') ?? '', where).toContain(mediaType)
    const validate = this.validator(`${method} ${template} ${response.status}`, (media as { schema: object }).schema)
    expect(validate(response.body) ? [] : validate.errors, `${where}: body does not match the document`).toEqual([])
  }

  // A schema may refer to the document's components (`#/components/schemas/ProblemDetails`):
  // compiled with them alongside, the references resolve within the same root.
  private validator(key: string, schema: object): ValidateFunction {
    let validate = this.validators.get(key)
    if (!validate) {
      validate = this.ajv.compile({ ...schema, components: this.document.components })
      this.validators.set(key, validate)
    }
    return validate
  }
}

/** An API client whose every answer is checked against the contract. */
export class ContractClient extends ApiClient {
  constructor(baseUrl: string, private readonly contract: OpenApiContract, headers: Record<string, string> = {}) {
    super(baseUrl, headers)
  }

  override async request<Body>(method: string, path: string, options: Parameters<ApiClient['request']>[2] = {}): Promise<ApiResponse<Body>> {
    const response = await super.request<Body>(method, path, options)
    this.contract.check(method, path, response)
    return response
  }

  /** Another client without this one's cookie, still checked. */
  override anonymous(): ContractClient {
    return new ContractClient(this.baseUrl, this.contract)
  }
}
