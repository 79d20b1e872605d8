import type { z } from 'zod'
import type { ProblemDetails } from '#shared/types/account'
import { fieldErrors } from '#shared/utils/field-errors'

/**
 * Submits a form the way the server will judge it: the shared zod schema first (instant feedback),
 * then the request, whose Problem Details (`detail`, and `errors` per field) are shown the same way.
 */
export function useFormSubmission<Schema extends z.ZodType>(schema: Schema, action: (input: z.output<Schema>) => Promise<void>) {
  const errors = ref<Record<string, string[]>>({})
  const detail = ref('')
  const pending = ref(false)

  async function submit(values: z.input<Schema>): Promise<void> {
    errors.value = {}
    detail.value = ''
    const parsed = schema.safeParse(values)
    if (!parsed.success) {
      errors.value = fieldErrors(parsed.error)
      return
    }
    pending.value = true
    try {
      await action(parsed.data)
    }
    catch (error) {
      const problem = problemOf(error)
      detail.value = problem?.detail ?? 'Something went wrong. Please try again.'
      errors.value = problem?.errors ?? {}
    }
    finally {
      pending.value = false
    }
  }

  return { errors, detail, pending, submit }
}

/** The Problem Details body of a failed $fetch, when the server sent one. */
export function problemOf(error: unknown): ProblemDetails | undefined {
  const data = (error as { data?: unknown })?.data
  return data && typeof data === 'object' && 'status' in data ? data as ProblemDetails : undefined
}
