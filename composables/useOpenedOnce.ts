/**
 * True from the first time `open` is: a dialog behind it is fetched and mounted when first asked
 * for, not with the page, then kept mounted so it holds what was typed between openings as an
 * always-mounted one does.
 */
export function useOpenedOnce(open: () => boolean): Readonly<Ref<boolean>> {
  const opened = ref(open())
  // Synchronously, so the dialog mounts in the same render that opens it.
  watch(open, (isOpen) => {
    if (isOpen) opened.value = true
  }, { flush: 'sync' })
  return readonly(opened)
}
