import { useEffect, useRef, type RefObject, type SyntheticEvent } from 'react';

/**
 * A `<dialog>` shown modal while the component is mounted (closed when it unmounts): its ref, and the `onCancel`
 * handler for Escape, which keeps the dialog open while `busy` and otherwise calls `cancel`.
 */
export function useModalDialog(
  busy: boolean,
  cancel: () => void,
): { ref: RefObject<HTMLDialogElement | null>; onCancel(event: SyntheticEvent<HTMLDialogElement>): void } {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return {
    ref,
    onCancel(event) {
      event.preventDefault();
      if (!busy) cancel();
    },
  };
}
