import type { InjectionKey } from 'vue'
import type { ArtifactType, AuditedCheck, CampaignArtifact } from '#shared/campaign'
import { findingHighlights, NO_FINDING_HIGHLIGHTS, type FindingHighlights } from '~/utils/finding-highlights'

const KEY: InjectionKey<Readonly<Ref<FindingHighlights>>> = Symbol('finding-highlights')

/**
 * Gives the artifacts and the report below this component one view of where the audit's failures are:
 * the artifacts mark them, the report links to the marks.
 */
export function provideFindingHighlights(source: () => { checks: readonly AuditedCheck[], artifacts: Partial<Record<ArtifactType, CampaignArtifact>> }) {
  const highlights = computed(() => {
    const { checks, artifacts } = source()
    return findingHighlights(checks, Object.values(artifacts).filter(artifact => artifact !== undefined))
  })
  provide(KEY, highlights)
}

/** The failures to mark; none where no page provides them (the reviewer's page, a dialog on its own). */
export function useFindingHighlights(): Readonly<Ref<FindingHighlights>> {
  return inject(KEY, computed(() => NO_FINDING_HIGHLIGHTS))
}

/** Brings a mark into view and focuses it, so the reader lands on the words the report speaks of. */
export function showMark(id: string): void {
  const mark = document.getElementById(id)
  if (!mark) return
  mark.scrollIntoView({ block: 'center', behavior: 'smooth' })
  mark.focus({ preventScroll: true })
}
