// Modules that exist only at build time (see web/vite.config.ts).

/**
 * The index of the precompiled validators (`npm run forms:build-validators` → web/generated/validators/index.mjs),
 * aliased so that type checking does not need the generated files; each module becomes its own chunk in
 * web/dist/embed/validators/.
 */
declare module 'hoso:validators' {
  import type { PrecompiledValidateFunction } from '../../forms/standalone/create-precompiled-validator';
  export const formRefs: readonly string[];
  export const validatorModules: Readonly<
    Record<string, () => Promise<{ formRef: string; validate: PrecompiledValidateFunction }>>
  >;
}

/** A stylesheet as text (Vite's `?inline`), for adopting it into a shadow root. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
