import type { Ref } from 'vue'
import type { Platform } from '#shared/campaign'
import type { CampaignExport } from '~/utils/campaign-export'

/** Downloads the campaign as Markdown, JSON or one platform's posts as CSV, built in the browser from what the page shows. */
export function useCampaignExport(campaign: Ref<CampaignExport | null>) {
  function exportAs(format: 'markdown' | 'json') {
    const value = campaign.value
    if (!value) return
    const name = fileSlug(value.theme)
    if (format === 'markdown') downloadText(`${name}.md`, campaignToMarkdown(value), 'text/markdown')
    else downloadText(`${name}.json`, `${JSON.stringify(value, null, 2)}\n`, 'application/json')
  }
  function exportCsv(platform: Platform) {
    const value = campaign.value
    if (value) downloadText(`${fileSlug(value.theme)}-${platform}.csv`, platformPostsCsv(value.artifacts, platform), 'text/csv')
  }
  const csvPlatforms = computed(() => (campaign.value ? exportablePlatforms(campaign.value.artifacts) : []))
  return { exportMarkdown: () => exportAs('markdown'), exportJson: () => exportAs('json'), exportCsv, csvPlatforms }
}
