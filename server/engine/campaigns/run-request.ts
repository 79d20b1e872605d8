import type { ArtifactType } from '#shared/campaign'

/**
 * What a run must do, persisted with the campaign so a restart can resume it.
 * - generate: write the artifact types from the brief;
 * - revise: rewrite every type with the marketer's feedback;
 * - regenerate: rewrite one type with feedback and tags.
 * Every run then audits, and revises flagged work automatically up to the configured rounds.
 */
export interface RunRequest {
  kind: 'generate' | 'revise' | 'regenerate'
  types: ArtifactType[]
  feedback: string[]
  tags: string[]
}
