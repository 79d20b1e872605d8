/** The hub group whose members follow one campaign. */
export const campaignGroup = (campaignId: string) => `campaign:${campaignId}`
