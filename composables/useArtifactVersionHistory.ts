import type { ArtifactType, ArtifactVersionsPage } from '#shared/campaign'
import { useCampaignStore } from '~/stores/campaigns'

/** $fetch with a plain string URL: Nitro's route-typed inference over these paths is too deep for the compiler. */
const call = $fetch as unknown as <T = unknown>(url: string, options?: { query?: Record<string, string> }) => Promise<T>

/**
 * An artifact's versions as its history shows them: the server answers a page at a time (a long
 * history of large versions is megabytes), the newest first, then older pages on request, each before
 * the oldest version shown. Failures are shown as toasts.
 */
export function useArtifactVersionHistory(source: MaybeRefOrGetter<{ campaignId: string, type: ArtifactType, artifactId: string }>) {
  const store = useCampaignStore()
  const { showError } = useToasts()
  const loading = ref(false)
  /** Whether the server has versions older than those loaded. */
  const hasOlder = ref(false)
  const ids = computed(() => {
    const { campaignId, type } = toValue(source)
    return store.versionIds[campaignId]?.[type] ?? []
  })

  async function loadPage(before?: number): Promise<boolean> {
    const { campaignId, artifactId } = toValue(source)
    loading.value = true
    try {
      const page = await call<ArtifactVersionsPage>(`/api/campaigns/${encodeURIComponent(campaignId)}/artifacts/${encodeURIComponent(artifactId)}/versions`, {
        query: before === undefined ? {} : { before: String(before) },
      })
      store.applyVersions(campaignId, page.type, page.versions)
      hasOlder.value = page.hasOlder
      return true
    }
    catch (error) {
      showError(error, 'The version history could not be loaded.')
      return false
    }
    finally {
      loading.value = false
    }
  }

  /** The newest page. */
  const loadNewest = (): Promise<boolean> => loadPage()

  /** The page before the oldest version loaded. */
  async function loadOlder(): Promise<void> {
    const oldest = ids.value.at(-1)
    const iteration = oldest ? store.artifacts[oldest]?.metadata.iteration : undefined
    if (loading.value || !hasOlder.value || iteration === undefined) return
    await loadPage(iteration)
  }

  return { ids, hasOlder, loading, loadNewest, loadOlder }
}
