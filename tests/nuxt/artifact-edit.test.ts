import { mountSuspended } from '@nuxt/test-utils/runtime'
import { describe, expect, it, vi } from 'vitest'
import ArtifactSection from '~/components/artifact/ArtifactSection.vue'
import { artifact } from './fixtures'

const copy = () => {
  const made = artifact('Copy', 2)
  Object.assign(made.metadata, {
    headlines: ['Trails await', 'Run further', 'Every route'],
    body: { short: 'Short.', medium: 'Medium body.', long: 'Long body text.' },
    callsToAction: ['Run now', 'Shop now', 'Join us'],
  })
  return made
}

describe('editing an artifact in its card', () => {
  const props = { campaignId: 'camp_test', type: 'Copy' as const, status: 'Approved' as const, stream: undefined, busy: false }

  it('opens the text fields in place of the content, checks them before sending, and closes on Cancel', async () => {
    const section = await mountSuspended(ArtifactSection, { props: { ...props, artifact: copy() } })
    const edit = section.findAll('button').find(button => button.text() === 'Edit')!
    await edit.trigger('click')
    // The form's code is fetched when first asked for.
    const form = await vi.waitFor(() => section.get('form[aria-label="Edit Copy"]'))
    expect(form.text()).toContain('Saving makes version 3')
    expect(form.text()).toContain('the approval stays with version 2')
    const headline = form.get<HTMLInputElement>('input[name$="headlines.0"]')
    expect(headline.element.value).toBe('Trails await')
    expect(section.get(`label[for="${headline.attributes('id')}"]`).text()).toBe('Headline 1')

    await headline.setValue('   ')
    await form.trigger('submit')
    expect(headline.attributes('aria-invalid')).toBe('true')
    expect(section.get(`#${CSS.escape(headline.attributes('aria-describedby')!)}`).text()).toContain('Must not be empty')
    expect(edit.attributes('disabled')).toBeDefined()

    await form.findAll('button').find(button => button.text() === 'Cancel')!.trigger('click')
    expect(section.find('form[aria-label="Edit Copy"]').exists()).toBe(false)
    expect(section.text()).toContain('Trails await')
  })

  it('says who edited or restored the version shown, where the writer\'s name would be', async () => {
    const edited = copy()
    Object.assign(edited.metadata, { editedBy: 'Ana Lopez', basedOn: 1 })
    const section = await mountSuspended(ArtifactSection, { props: { ...props, artifact: edited } })
    expect(section.get('header').text()).toContain('Edited by Ana Lopez')
    await section.setProps({ artifact: { ...edited, metadata: { ...edited.metadata, restoredFrom: 1 } } })
    expect(section.get('header').text()).toContain('Restored from version 1 by Ana Lopez')
    await section.setProps({ artifact: copy() })
    expect(section.get('header').text()).toContain('CopyAgent')
  })
})
