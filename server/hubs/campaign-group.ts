/** The hub group whose members follow one campaign: the seed's events (`JoinCampaignGroup`). */
export const campaignGroup = (campaignId: string) => `campaign:${campaignId}`

/** The hub group of connections watching one campaign's snapshots and feedback (`WatchCampaign`). */
export const campaignWatchersGroup = (campaignId: string) => `campaign-watchers:${campaignId}`

/** The hub group of one owner's connections watching all their campaigns (`WatchCampaigns`). */
export const ownerWatchersGroup = (userId: string) => `owner-watchers:${userId}`
