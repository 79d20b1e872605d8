import { campaignBriefSchema, DEFAULT_PLATFORMS, type CampaignBriefInput, type Platform } from '#shared/campaign'

/** The launch form as people fill it in: lists edited line by line, hashtags and colours as typed. */
export interface LaunchFormValues {
  theme: string
  product: string
  targetAudience: string
  tone: string
  constraints: string[]
  platforms: Platform[]
  executionMode: 'parallel' | 'sequential'
  brand: { name: string, palette: string[], bannedTerms: string[], requiredHashtags: string[], requiredDisclaimer: string }
}

/** The brief the API expects: empty optional parts left out rather than sent blank. */
export function toBriefInput(form: LaunchFormValues): CampaignBriefInput {
  const { brand } = form
  const hasBrand = brand.name || brand.palette.length || brand.bannedTerms.length || brand.requiredHashtags.length || brand.requiredDisclaimer
  return {
    theme: form.theme,
    product: form.product,
    targetAudience: form.targetAudience,
    tone: form.tone,
    constraints: form.constraints,
    platforms: form.platforms,
    executionMode: form.executionMode,
    ...(hasBrand && {
      brand: {
        ...(brand.name.trim() && { name: brand.name }),
        palette: brand.palette,
        bannedTerms: brand.bannedTerms,
        requiredHashtags: brand.requiredHashtags,
        ...(brand.requiredDisclaimer.trim() && { requiredDisclaimer: brand.requiredDisclaimer }),
      },
    }),
  }
}

/**
 * The launch form: validated with the server's own brief schema, then the campaign is created,
 * generation starts and its page opens. Messages for list items ("constraints.2") are shown
 * under their list, numbered by line.
 */
export function useCampaignLaunchForm() {
  const form = reactive<LaunchFormValues>({
    theme: '', product: '', targetAudience: '', tone: '', constraints: [], platforms: [...DEFAULT_PLATFORMS], executionMode: 'parallel',
    brand: { name: '', palette: [], bannedTerms: [], requiredHashtags: [], requiredDisclaimer: '' },
  })
  const { launch } = useCampaignActions()
  const briefSchema = campaignBriefSchema
  const { errors, detail, pending, submit } = useFormSubmission(briefSchema, async (brief) => {
    const id = await launch(brief)
    await navigateTo(`/campaigns/${id}`)
  })

  function errorsFor(field: string): string[] | undefined {
    const messages = Object.entries(errors.value).flatMap(([key, list]) => {
      if (key === field) return list
      const item = key.startsWith(`${field}.`) ? Number(key.slice(field.length + 1)) : Number.NaN
      return Number.isInteger(item) ? list.map(message => `Line ${item + 1}: ${message}`) : []
    })
    return messages.length ? messages : undefined
  }

  return { form, errorsFor, detail, pending, submit: () => submit(toBriefInput(form)) }
}
