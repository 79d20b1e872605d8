/** The name a reviewer typed once at the top of the review page, sent with each decision and post. */
export function useReviewerName() {
  return useState<string>('reviewer-name', () => '')
}
