// The one place where the n8n bundle rewrites a dependency's source, and why.
//
// openapi-fetch, bundled with core, names `globalThis.Request` and `globalThis.fetch` as defaults and probes
// `process.versions` for undici (to pass `requestInitExt`). n8n's Cloud rules, which its community package scanner
// applies to every bundled file, forbid `globalThis` and `process` by name, whether or not the code runs. Core
// always passes its own fetch and never `requestInitExt`, so the defaults become the plain web globals (the same
// objects) and the probe becomes `false`. Each pattern must match: an openapi-fetch upgrade that changes this code
// fails the build instead of shipping a bundle the scanner refuses.

export const openapiFetchFile = /[\\/]openapi-fetch[\\/]dist[\\/]index\.m?js$/;

const replacements = [
  [/return typeof process === "object" &&[^\n]*\n/, 'return false;\n'],
  [/globalThis\.Request/g, 'Request'],
  [/globalThis\.fetch/g, 'fetch'],
];

/** openapi-fetch's source without the names n8n's Cloud rules forbid; throws when a pattern no longer matches. */
export function cloudSafeOpenapiFetchSource(code, path = 'openapi-fetch') {
  let result = code;
  for (const [pattern, replacement] of replacements) {
    if (!pattern.test(result)) throw new Error(`openapi-fetch changed: ${pattern} not found in ${path}; review the cloud-safe rewrite.`);
    result = result.replace(pattern, replacement);
  }
  return result;
}

/** The esbuild plugin that applies it to openapi-fetch's file, and to nothing else. */
export function cloudSafeOpenapiFetch(readFile) {
  return {
    name: 'cloud-safe-openapi-fetch',
    setup(build) {
      build.onLoad({ filter: openapiFetchFile }, (args) => ({ contents: cloudSafeOpenapiFetchSource(readFile(args.path, 'utf8'), args.path), loader: 'js' }));
    },
  };
}
