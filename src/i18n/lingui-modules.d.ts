/** Catalogues compiled by the Lingui Vite plugin (`?lingui` imports). */
declare module '*?lingui' {
  import type { Messages } from '@lingui/core';
  export const messages: Messages;
}
