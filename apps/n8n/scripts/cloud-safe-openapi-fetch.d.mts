export const openapiFetchFile: RegExp;
export function cloudSafeOpenapiFetchSource(code: string, path?: string): string;
export function cloudSafeOpenapiFetch(readFile: (path: string, encoding: 'utf8') => string): { name: string; setup(build: unknown): void };
