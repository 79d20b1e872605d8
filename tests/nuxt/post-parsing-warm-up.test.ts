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

  it('parses a sample post once, while the browser is idle, however many pages mount', async () => {
    const idle: Array<() => void> = []
    const requestIdleCallback = vi.fn((callback: () => void, _options?: IdleRequestOptions) => idle.push(callback))
    vi.stubGlobal('requestIdleCallback', requestIdleCallback)
    await mountSuspended(Page)
    await mountSuspended(Page)
    expect(requestIdleCallback).toHaveBeenCalledTimes(1)
    expect(requestIdleCallback.mock.calls[0]![1]).toEqual({ timeout: 5_000 })
    // Scheduled at mount, run only when the browser is idle.
    expect(idle).toHaveLength(1)
    expect(() => idle[0]!()).not.toThrow()
  })
})
