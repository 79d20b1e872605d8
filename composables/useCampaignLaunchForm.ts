import { campaignBriefSchema, DEFAULT_PLATFORMS, type CampaignBrief, type CampaignBriefInput, type Platform } from '#shared/campaign'
import type { BrandFormValues } from '~/utils/brand-form'

/** The launch form as people fill it in: lists edited line by line, hashtags and colours as typed. */
export interface LaunchFormValues {
  theme: string
  product: string
  targetAudience: string
  tone: string
  constraints: string[]
  platforms: Platform[]
  executionMode: 'parallel' | 'sequential'
  /** The brand's fields, and the saved kit they were filled from ('' for none). */
  brand: BrandFormValues & { kitId: string }
}

/** The brief the API expects: empty optional parts left out rather than sent blank. */
export function toBriefInput(form: LaunchFormValues): CampaignBriefInput {
  const { kitId, ...brand } = form.brand
  const { name, ...fields } = toBrandFields(brand)
  return {
    theme: form.theme,
    product: form.product,
    targetAudience: form.targetAudience,
    tone: form.tone,
    constraints: form.constraints,
    platforms: form.platforms,
    executionMode: form.executionMode,
    ...(!isBlankBrand(brand) && {
      brand: { ...(name.trim() && { name }), ...fields, ...(kitId && { kitId }) },
    }),
  }
}

/** A stored brief as the form's values: to duplicate a campaign, or to edit its brief. */
export function launchFormValuesOf(brief?: CampaignBrief): LaunchFormValues {
  return {
    theme: brief?.theme ?? '',
    product: brief?.product ?? '',
    targetAudience: brief?.targetAudience ?? '',
    tone: brief?.tone ?? '',
    constraints: [...(brief?.constraints ?? [])],
    platforms: [...(brief?.platforms ?? DEFAULT_PLATFORMS)],
    executionMode: brief?.executionMode ?? 'parallel',
    brand: { ...brandFormOf(brief?.brand), kitId: brief?.brand?.kitId ?? '' },
  }
}

/**
 * The launch form: validated with the server's own brief schema, then `save` runs (by default the
 * campaign is created, generation starts and its page opens). Messages for list items
 * ("constraints.2") are shown under their list, numbered by line.
 */
export function useCampaignLaunchForm(options: { brief?: CampaignBrief, save?: (brief: CampaignBrief) => Promise<void> } = {}) {
  const form = reactive<LaunchFormValues>(launchFormValuesOf(options.brief))
  const { launch } = useCampaignActions()
  const save = options.save ?? (async (brief: CampaignBrief) => {
    const id = await launch(brief)
    await navigateTo(`/campaigns/${id}`)
  })
  const { errors, detail, pending, submit } = useFormSubmission(campaignBriefSchema, save)

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
