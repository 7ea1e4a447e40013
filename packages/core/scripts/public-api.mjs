#!/usr/bin/env node
// The public API of each entry point, one line per exported name with its kind, read from the sources by the
// TypeScript compiler. `node scripts/public-api.mjs` prints it; `--write` updates public-api.txt, which
// test/public-api.test.ts compares against so that an export cannot appear or vanish unnoticed.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const publicApiFile = join(packageDir, 'public-api.txt');
const entries = { '.': 'src/index.ts', './node': 'src/node/index.ts' };

function kindOf(checker, symbol) {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const flags = target.flags;
  if (flags & ts.SymbolFlags.Class) return 'class';
  if (flags & ts.SymbolFlags.Function) return 'function';
  if (flags & (ts.SymbolFlags.Variable | ts.SymbolFlags.Property)) return 'const';
  if (flags & ts.SymbolFlags.Enum) return 'enum';
  if (flags & ts.SymbolFlags.Interface) return 'interface';
  if (flags & ts.SymbolFlags.TypeAlias) return 'type';
  return 'other';
}

export function publicApi() {
  const files = Object.values(entries).map((file) => join(packageDir, file));
  const program = ts.createProgram(files, { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2023, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const lines = [];
  for (const [entry, file] of Object.entries(entries)) {
    const source = program.getSourceFile(join(packageDir, file));
    const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(source));
    for (const symbol of exports) lines.push(`${entry} ${kindOf(checker, symbol)} ${symbol.getName()}`);
  }
  return `${lines.sort().join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const api = publicApi();
  if (process.argv.includes('--write')) writeFileSync(publicApiFile, api);
  else process.stdout.write(api);
}
