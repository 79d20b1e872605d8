import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'

/**
 * Serious and critical axe findings on the page as it is now, in light and in dark mode, one line
 * each ("label (scheme): rule — elements"); `within` narrows the check to one part (a dialog).
 */
export async function seriousAccessibilityFindings(page: Page, label: string, within?: string): Promise<string[]> {
  const findings: string[] = []
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await transitionsEnded(page)
    const axe = new AxeBuilder({ page })
    const { violations } = await (within ? axe.include(within) : axe).analyze()
    for (const violation of violations.filter(found => found.impact === 'serious' || found.impact === 'critical')) {
      findings.push(`${label} (${colorScheme}): ${violation.id} — ${violation.nodes.map(node => node.target.join(' ')).join(', ')}`)
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  return findings
}

/**
 * Switching the colour scheme starts CSS colour transitions; contrast measured halfway through
 * one is neither scheme's. Waits for transitions only: an endless animation (a spinner) never ends.
 */
function transitionsEnded(page: Page): Promise<unknown> {
  return page.evaluate(() => Promise.all(document.getAnimations()
    .filter(animation => animation instanceof CSSTransition)
    .map(animation => animation.finished.catch(() => undefined))))
}
