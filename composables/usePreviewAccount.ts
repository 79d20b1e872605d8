import { useCampaignStore } from '~/stores/campaigns'

/** Shown when the campaign has no brand kit, or the viewer (a reviewer) is not given its brief. */
const FALLBACK_ACCOUNT = 'Your brand'
const FALLBACK_COLOUR = '#4F46E5'

/** The account a campaign's posts are previewed as: the brand kit's display name (else its name) and first palette colour. */
export function usePreviewAccount(campaignId: MaybeRefOrGetter<string>) {
  const store = useCampaignStore()
  const brand = computed(() => store.campaigns[toValue(campaignId)]?.brief?.brand)
  return {
    account: computed(() => brand.value?.accountName || brand.value?.name || FALLBACK_ACCOUNT),
    colour: computed(() => brand.value?.palette.find(isHexColour) ?? FALLBACK_COLOUR),
  }
}
