import { mountSuspended } from '@nuxt/test-utils/runtime'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { usePostParsingWarmUp } from '~/composables/usePostParsingWarmUp'

const Page = defineComponent({
  setup() {
    usePostParsingWarmUp()
    return () => h('p', 'page')
  },
})

describe('usePostParsingWarmUp', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('parses its sample posts once, each when the browser is idle, however many pages mount', async () => {
    const idle: Array<() => void> = []
    const requestIdleCallback = vi.fn((callback: () => void, _options?: IdleRequestOptions) => idle.push(callback))
    vi.stubGlobal('requestIdleCallback', requestIdleCallback)
    await mountSuspended(Page)
    await mountSuspended(Page)
    // Scheduled at mount, run only when the browser is idle, once however many pages mount.
    expect(requestIdleCallback).toHaveBeenCalledTimes(1)
    expect(requestIdleCallback.mock.calls[0]![1]).toEqual({ timeout: 5_000 })
    // One sample post per idle moment: plain text, then text with an emoji, then nothing more.
    idle[0]!()
    expect(idle).toHaveLength(2)
    idle[1]!()
    expect(idle).toHaveLength(3)
    idle[2]!()
    expect(idle).toHaveLength(3)
  })
})
