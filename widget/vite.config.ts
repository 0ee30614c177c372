/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: {
    __CELLARDOOR_VERSION__: JSON.stringify(pkg.version),
  },
  build: {
    target: 'es2020',
    outDir: 'dist',
    emptyOutDir: true,
    minify: 'esbuild',
    sourcemap: false,
    reportCompressedSize: true,
    lib: {
      entry: 'src/main.ts',
      // Required by Vite for IIFE; the entry exports nothing, so no global of this name is created.
      name: 'CellarDoorWidget',
      formats: ['iife'],
      fileName: () => 'cellardoor-widget.js',
    },
    rollupOptions: {
      output: { inlineDynamicImports: true },
    },
  },
  test: {
    environment: 'happy-dom',
    environmentOptions: {
      happyDOM: {
        settings: { disableCSSFileLoading: true, handleDisabledFileLoadingAsSuccess: true, disableJavaScriptFileLoading: true, disableIframePageLoading: true },
      },
    },
    include: ['test/**/*.test.ts'],
  },
});
