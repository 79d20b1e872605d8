// Shared Tailwind class lists, so every button and field of the dashboard looks and focuses alike.

const FOCUS = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500'

const BUTTON_BASE = `inline-flex items-center justify-center gap-1.5 rounded-lg px-3 py-1.5 text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50 ${FOCUS}`

export const BUTTON = {
  primary: `${BUTTON_BASE} bg-indigo-600 text-white shadow-sm hover:bg-indigo-700`,
  secondary: `${BUTTON_BASE} border border-slate-300 bg-white text-slate-800 shadow-sm hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800`,
  danger: `${BUTTON_BASE} border border-rose-300 bg-white text-rose-700 hover:bg-rose-50 dark:border-rose-800 dark:bg-slate-900 dark:text-rose-300 dark:hover:bg-rose-950`,
  dangerSolid: `${BUTTON_BASE} bg-rose-600 text-white hover:bg-rose-500`,
  ghost: `${BUTTON_BASE} text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800`,
} as const

export const FIELD = `w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm dark:border-slate-700 dark:bg-slate-900 ${FOCUS}`

export const CARD = 'rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900'

export const LINK = `font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300 ${FOCUS}`
