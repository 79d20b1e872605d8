import type {
  ArtifactEdit, ArtifactType, ArtifactVersion, CampaignBriefInput, CampaignDetail, RegenerateRequest, ReviseRequest,
} from '#shared/campaign'
import { useCampaignStore } from '~/stores/campaigns'

const campaignPath = (id: string): string => `/api/campaigns/${encodeURIComponent(id)}`

/** $fetch with a plain string URL: Nitro's route-typed inference over these paths is too deep for the compiler. */
type RequestOptions = { method?: 'POST' | 'PUT' | 'DELETE', body?: object }
const call = $fetch as unknown as <T = unknown>(url: string, options?: RequestOptions) => Promise<T>

/**
 * What a marketer can do to a campaign over REST. Each action reports success or failure as a
 * toast and returns whether it worked; the hub then shows the run as it happens.
 */
export function useCampaignActions() {
  const store = useCampaignStore()
  const { show, showError } = useToasts()

  async function attempt(action: () => Promise<unknown>, success: string | null, failure: string): Promise<boolean> {
    try {
      await action()
      if (success) show(success, 'success')
      return true
    }
    catch (error) {
      showError(error, failure)
      return false
    }
  }

  /**
   * Creates the campaign and starts generating it; returns its id. Should the start fail, the
   * campaign exists all the same: its page offers to generate it.
   */
  async function launch(brief: CampaignBriefInput): Promise<string> {
    const created = await call<CampaignDetail>('/api/campaigns', { method: 'POST', body: brief })
    store.applyDetail(created)
    await attempt(() => call(`${campaignPath(created.id)}/generate`, { method: 'POST' }), null, 'The campaign was saved, but generation could not be started.')
    return created.id
  }

  const generate = (id: string) => attempt(
    () => call(`${campaignPath(id)}/generate`, { method: 'POST' }), 'Generation started.', 'Generation could not be started.')

  const cancel = (id: string) => attempt(
    () => call(`${campaignPath(id)}/cancel`, { method: 'POST' }), 'Generation cancelled. Finished artifacts were kept.', 'Generation could not be cancelled.')

  const revise = (id: string, request: ReviseRequest) => attempt(
    () => call(`${campaignPath(id)}/revise`, { method: 'POST', body: request }), 'Revision started.', 'The campaign could not be revised.')

  const regenerate = (id: string, type: ArtifactType, request: RegenerateRequest) => attempt(
    () => call(`${campaignPath(id)}/artifacts/${type}/regenerate`, { method: 'POST', body: request }), 'Regeneration started.', 'The artifact could not be regenerated.')

  const approve = (id: string, type: ArtifactType) => attempt(async () => {
    store.applyApproval(await call<ArtifactVersion>(`${campaignPath(id)}/artifacts/${type}/approve`, { method: 'POST' }))
  }, 'Approved.', 'The artifact could not be approved.')

  /** Saves an edit as the artifact's next version; throws, so the form can show the server's field errors. */
  async function saveEdit(id: string, type: ArtifactType, edit: ArtifactEdit): Promise<void> {
    store.applyVersion(await call<ArtifactVersion>(`${campaignPath(id)}/artifacts/${type}/versions`, { method: 'POST', body: edit }))
  }

  /** Replaces the brief (and its checks); throws, so the form can show the server's field errors. */
  async function saveBrief(id: string, brief: CampaignBriefInput): Promise<void> {
    store.applyDetail(await call<CampaignDetail>(`${campaignPath(id)}/brief`, { method: 'PUT', body: brief }))
  }

  const restore = (id: string, type: ArtifactType, iteration: number) => attempt(async () => {
    store.applyVersion(await call<ArtifactVersion>(`${campaignPath(id)}/artifacts/${type}/versions/${iteration}/restore`, { method: 'POST' }))
  }, `Version ${iteration} restored as a new version.`, 'The version could not be restored.')

  const remove = (id: string) => attempt(async () => {
    await call(campaignPath(id), { method: 'DELETE' })
    store.forget(id)
  }, 'Campaign deleted.', 'The campaign could not be deleted.')

  return { launch, generate, cancel, revise, regenerate, approve, saveEdit, saveBrief, restore, remove }
}
