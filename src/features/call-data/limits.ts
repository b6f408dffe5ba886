/**
 * The limits the panel checks before it sends anything. The platform documents none for
 * participant attributes beyond the 512 000-byte request limit (contract §2.5, §4.1); these are
 * the emulator's assumed limits (emulator/src/model/attribute-limits.ts, FIDELITY.md), so the
 * panel refuses exactly what the emulator would, before the request.
 */
export const LIMITS = {
  /** Key length in characters (UTF-16 code units), at least 1. */
  keyLength: 256,
  /** Value length in characters (UTF-16 code units). */
  valueLength: 32_768,
  /** Keys on one participant after the merge. */
  keysPerParticipant: 200,
  /** UTF-8 bytes of every key and value of one participant after the merge. */
  totalBytes: 256 * 1024,
} as const;

/** Keys of this panel's own protocol (playback…): hidden unless asked for, never edited here. */
export const RESERVED_PREFIX = 'lcp.';

/** How long a CRM lookup may take before it is abandoned (nothing is written). */
export const CRM_TIMEOUT_MS = 10_000;

/** A value longer than this (or with several lines) shows collapsed, with "Show all". */
export const COLLAPSED_VALUE_LENGTH = 60;

/** Where a key may wrap on screen: after its own separators, never inside a word. */
export const KEY_BREAKS = '._-';
