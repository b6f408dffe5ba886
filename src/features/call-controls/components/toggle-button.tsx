import type { LucideIcon } from 'lucide-react';

export interface ToggleButtonProps {
  /** The accessible name; it never changes with the state (`aria-pressed` carries that). */
  label: string;
  pressed: boolean;
  pending: boolean;
  disabled?: boolean;
  /** Why it is disabled, for the tooltip. */
  disabledReason?: string;
  /** An element that says why it is disabled, read out with it while disabled. */
  disabledReasonId?: string;
  shortcut?: string;
  icon: LucideIcon;
  pressedIcon: LucideIcon;
  tone: 'danger' | 'warning';
  onToggle(next: boolean): void;
}

/**
 * A fixed-size toggle with `aria-pressed`: it shows the intent at once (with a spinner while it
 * is pending) and is filled in the state's colour once confirmed. Its size never depends on the
 * state or the caption, so the click target never moves.
 */
export function ToggleButton({
  label,
  pressed,
  pending,
  disabled,
  disabledReason,
  disabledReasonId,
  shortcut,
  icon: Icon,
  pressedIcon: PressedIcon,
  tone,
  onToggle,
}: ToggleButtonProps) {
  const Shown = pressed ? PressedIcon : Icon;
  return (
    <button
      type="button"
      className={`toggle toggle-${tone}`}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut}
      aria-busy={pending}
      data-pending={pending ? 'true' : 'false'}
      disabled={disabled}
      aria-describedby={disabled ? disabledReasonId : undefined}
      title={disabled ? disabledReason : shortcut ? `${label} (${shortcut})` : undefined}
      onClick={() => onToggle(!pressed)}
    >
      <span className="toggle-icon" aria-hidden="true">
        <Shown size={20} strokeWidth={2} />
        {pending ? <span className="toggle-spinner" /> : null}
      </span>
      <span className="toggle-label">{label}</span>
    </button>
  );
}
