import type { InjectionKey } from 'vue'
import { sameReviewItem, type ArtifactType, type ReviewItem, type ReviewItemDecision } from '#shared/campaign'
import { useCampaignStore } from '~/stores/campaigns'
import { useReviewDecisionStore } from '~/stores/review-decisions'

/** What the review panels beside each artifact and post need: the decisions, and who is looking. */
export interface ReviewItemsContext {
  campaignId(): string
  decisionsFor(item: ReviewItem): ReviewItemDecision[]
  /** The artifact's current version: a decision on an older one is outdated. */
  currentVersion(type: ArtifactType): number | undefined
  /** The reviewer's page, when the link takes decisions: the link's secret. */
  reviewerToken?: string
  /** The owner's page: marks a decision resolved. */
  resolve?: (decision: ReviewItemDecision) => Promise<void>
}

const KEY: InjectionKey<ReviewItemsContext> = Symbol('review-items')
/** Given by an artifact card: opens its regenerate dialog with this feedback. */
export const REGENERATE_WITH: InjectionKey<(feedback: string) => void> = Symbol('regenerate-with')

/** The campaign's decisions and current versions, from the stores, for the panels below this component. */
export function provideReviewItems(campaignId: MaybeRefOrGetter<string>, access: Pick<ReviewItemsContext, 'reviewerToken' | 'resolve'>): ReviewItemsContext {
  const campaigns = useCampaignStore()
  const decisions = useReviewDecisionStore()
  const context: ReviewItemsContext = {
    campaignId: () => toValue(campaignId),
    decisionsFor: item => decisions.decisionsOf(toValue(campaignId)).filter(decision => sameReviewItem(decision, item)),
    currentVersion: type => campaigns.currentArtifacts(toValue(campaignId))[type]?.metadata.iteration,
    ...access,
  }
  provide(KEY, context)
  return context
}

/** Null where no page provides decisions (a dialog on its own, a test of one card). */
export function useReviewItems(): ReviewItemsContext | null {
  return inject(KEY, null)
}
