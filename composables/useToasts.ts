export type ToastTone = 'error' | 'success' | 'info'

export interface Toast {
  id: number
  message: string
  tone: ToastTone
}

const TOAST_LIFETIME_MS = { error: 8_000, success: 4_000, info: 5_000 } as const
let nextToastId = 1

/** Short messages shown in a corner and read out by screen readers; errors stay longer. */
export function useToasts() {
  const toasts = useState<Toast[]>('toasts', () => [])

  function dismiss(id: number): void {
    toasts.value = toasts.value.filter(toast => toast.id !== id)
  }

  function show(message: string, tone: ToastTone = 'info'): void {
    // The same message twice in a row (a retried call, a repeated event) is shown once.
    if (toasts.value.some(toast => toast.message === message)) return
    const id = nextToastId++
    toasts.value = [...toasts.value, { id, message, tone }]
    if (import.meta.client) setTimeout(() => dismiss(id), TOAST_LIFETIME_MS[tone])
  }

  /** A failed request as people read it: the Problem Details' `detail` when the server sent one. */
  function showError(error: unknown, fallback: string): void {
    show(problemOf(error)?.detail ?? fallback, 'error')
  }

  return { toasts, show, showError, dismiss }
}
