import { analyzeBrief, type BriefAnalysis } from '#shared/brief-contract'
import { campaignBriefSchema, type CampaignBriefInput } from '#shared/campaign'

/** Long enough that a marketer typing a line causes one request, not one per key. */
const DEBOUNCE_MS = 400

/**
 * What the audit will check for the brief being typed. Once the brief is complete, the server's answer
 * (`POST /api/briefs/analyze`) is shown; until then the same analyzer runs here on the lines typed so far,
 * so the list never waits for the theme or product to be filled in.
 */
export function useBriefAnalysis(brief: () => CampaignBriefInput) {
  const analysis = ref<BriefAnalysis>({ checks: [], notUnderstood: [], conflicts: [] })
  let latest = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  async function refresh(input: CampaignBriefInput) {
    const request = ++latest
    const parsed = campaignBriefSchema.safeParse(input)
    if (!parsed.success) {
      const platforms = input.platforms ?? []
      const brand = input.brand && { ...input.brand, palette: [], bannedTerms: input.brand.bannedTerms ?? [], requiredHashtags: input.brand.requiredHashtags ?? [] }
      analysis.value = analyzeBrief({ theme: input.theme, product: input.product, targetAudience: input.targetAudience, tone: input.tone, constraints: input.constraints ?? [], platforms, brand })
      return
    }
    try {
      const answer = await $fetch<BriefAnalysis>('/api/briefs/analyze', { method: 'POST', body: input })
      if (request === latest) analysis.value = answer
    }
    catch {
      // The server is unreachable or busy: the local reading of the same brief stays accurate.
      if (request === latest) analysis.value = analyzeBrief(parsed.data)
    }
  }

  watch(brief, (input) => {
    clearTimeout(timer)
    timer = setTimeout(() => void refresh(input), DEBOUNCE_MS)
  }, { deep: true, immediate: true })
  onScopeDispose(() => clearTimeout(timer))

  return { analysis }
}
