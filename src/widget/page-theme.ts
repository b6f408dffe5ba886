import { useLayoutEffect, type RefObject } from 'react';

/**
 * The page around the widget follows its theme: the document's background and colour scheme are
 * the widget root's, and the body's default margin goes, so no white frame surrounds a dark
 * widget (standalone or framed, the widget is the page). Set through the CSSOM (the CSP allows
 * no inline style); follows the system's scheme as it changes; undone on unmount.
 */
export function followPageTheme(root: HTMLElement): () => void {
  const doc = root.ownerDocument;
  const win = doc.defaultView;
  const page = [doc.documentElement, doc.body];
  const apply = () => {
    const style = win?.getComputedStyle(root);
    if (!style) return;
    for (const el of page) {
      el.style.backgroundColor = style.backgroundColor;
      el.style.colorScheme = style.colorScheme;
    }
    doc.body.style.margin = '0';
  };
  apply();
  const media = win?.matchMedia?.('(prefers-color-scheme: dark)');
  media?.addEventListener('change', apply);
  return () => {
    media?.removeEventListener('change', apply);
    for (const el of page) {
      el.style.backgroundColor = '';
      el.style.colorScheme = '';
    }
    doc.body.style.margin = '';
  };
}

/** `followPageTheme` for the widget's root element, again whenever the chosen theme changes. */
export function usePageTheme(root: RefObject<HTMLElement | null>, theme: string | undefined) {
  useLayoutEffect(() => {
    if (!root.current) return undefined;
    return followPageTheme(root.current);
  }, [root, theme]);
}
