import type { ProvenanceMetadata } from '#shared/campaign'

/** The `metadata.model` of artifacts the built-in writer wrote from templates, without a language model. */
export const TEMPLATE_WRITER_MODEL = 'offline-writer'

export function isTemplateDraft(metadata: Pick<ProvenanceMetadata, 'model'> | undefined): boolean {
  return metadata?.model === TEMPLATE_WRITER_MODEL
}

/** Where the README's "Language models" section is served in the app. */
export const MODELS_DOC_PATH = '/docs/models'
