import type { Ref } from 'vue'
import type { CampaignExport } from '~/utils/campaign-export'

/** Downloads the campaign as Markdown or JSON, built in the browser from what the page shows. */
export function useCampaignExport(campaign: Ref<CampaignExport | null>) {
  function exportAs(format: 'markdown' | 'json') {
    const value = campaign.value
    if (!value) return
    const name = fileSlug(value.theme)
    if (format === 'markdown') downloadText(`${name}.md`, campaignToMarkdown(value), 'text/markdown')
    else downloadText(`${name}.json`, `${JSON.stringify(value, null, 2)}\n`, 'application/json')
  }
  return { exportMarkdown: () => exportAs('markdown'), exportJson: () => exportAs('json') }
}
