// Something shown that turns into its edit form and back (a task's row, the task page's details). The
// focus follows the user: the form's first field takes it (autoFocus there), and Save or Cancel give it
// back to the Edit button that opened the form, instead of dropping it on the page.
import { useEffect, useRef, useState } from 'react';

export function useEditing() {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const left = useRef(false);
  useEffect(() => {
    if (editing || !left.current) return;
    left.current = false;
    editButton.current?.focus();
  }, [editing]);
  return {
    editing,
    editButton,
    start: () => setEditing(true),
    stop: () => {
      left.current = true;
      setEditing(false);
    },
  };
}
