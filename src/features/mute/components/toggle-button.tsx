export interface ToggleButtonProps {
  label: string;
  pressed: boolean;
  pending: boolean;
  disabled?: boolean;
  shortcut?: string;
  onToggle(next: boolean): void;
}

/** A toggle with `aria-pressed` that shows the intent at once and marks it pending until confirmed. */
export function ToggleButton({
  label,
  pressed,
  pending,
  disabled,
  shortcut,
  onToggle,
}: ToggleButtonProps) {
  return (
    <button
      type="button"
      className={`toggle${pressed ? ' toggle-on' : ''}${pending ? ' toggle-pending' : ''}`}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut}
      data-pending={pending ? 'true' : 'false'}
      disabled={disabled}
      onClick={() => onToggle(!pressed)}
    >
      {label}
      {shortcut ? (
        <kbd className="shortcut" aria-hidden="true">
          {shortcut}
        </kbd>
      ) : null}
    </button>
  );
}
