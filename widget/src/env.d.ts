/// <reference types="vite/client" />

/** The package version, injected at build time. */
declare const __CELLARDOOR_VERSION__: string;
