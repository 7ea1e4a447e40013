// Finds the elements of the root `tenants` array of a json_v2_0 file as text arrives, and JSON.parses each one
// on its own: memory holds one tenant, not the file. Only string, escape and nesting state is tracked, which is
// all it takes to find where a tenant ends; JSON.parse validates what is inside.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const STRING_SPECIAL = /["\\]/g;

const isWhitespace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;

export class JsonTenantsScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private opened = false;
  private closed = false;
  /** At depth 1 (the root object's members): whether the next string is a member name. */
  private expectKey = false;
  private lastKey = '';
  private keyText: string | null = null;
  private inTenants = false;
  private sawTenants = false;
  private tenantText: string | null = null;

  /** Feed text; get the tenants it completed, parsed. */
  push(text: string): unknown[] {
    const tenants: unknown[] = [];
    let tenantFrom = this.tenantText === null ? -1 : 0;
    let keyFrom = this.keyText === null ? -1 : 0;
    let i = 0;
    while (i < text.length) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          i++;
          continue;
        }
        STRING_SPECIAL.lastIndex = i;
        const special = STRING_SPECIAL.exec(text);
        if (!special) break;
        i = special.index + 1;
        if (text.charCodeAt(special.index) === BACKSLASH) {
          this.escaped = true;
          continue;
        }
        this.inString = false;
        if (keyFrom >= 0) {
          this.lastKey = JSON.parse(`"${this.keyText}${text.slice(keyFrom, special.index)}"`) as string;
          this.keyText = null;
          keyFrom = -1;
        }
        continue;
      }
      const c = text.charCodeAt(i);
      switch (c) {
        case QUOTE:
          if (this.depth === 0) throw this.outsideRoot();
          if (this.inTenants && this.depth === 2) throw notATenant();
          this.inString = true;
          if (this.depth === 1 && this.expectKey) {
            this.keyText = '';
            keyFrom = i + 1;
          }
          break;
        case OPEN_OBJECT:
        case OPEN_ARRAY:
          if (this.depth === 0) {
            if (c !== OPEN_OBJECT || this.opened) throw this.outsideRoot();
            this.opened = true;
            this.expectKey = true;
          } else if (this.depth === 1 && !this.expectKey && this.lastKey === 'tenants') {
            if (c !== OPEN_ARRAY) throw new Error('json_v2_0 "tenants" is not an array.');
            this.inTenants = true;
            this.sawTenants = true;
          } else if (this.inTenants && this.depth === 2) {
            if (c !== OPEN_OBJECT) throw notATenant();
            this.tenantText = '';
            tenantFrom = i;
          }
          this.depth++;
          break;
        case CLOSE_OBJECT:
        case CLOSE_ARRAY:
          if (this.depth === 0) throw this.outsideRoot();
          this.depth--;
          if (this.inTenants && this.depth === 2 && tenantFrom >= 0) {
            tenants.push(JSON.parse(this.tenantText + text.slice(tenantFrom, i + 1)));
            this.tenantText = null;
            tenantFrom = -1;
          } else if (this.inTenants && this.depth === 1) {
            this.inTenants = false;
          } else if (this.depth === 0) {
            this.closed = true;
          }
          break;
        case COLON:
          if (this.depth === 1) this.expectKey = false;
          break;
        case COMMA:
          if (this.depth === 1) this.expectKey = true;
          break;
        default:
          if (isWhitespace(c)) break;
          if (this.depth === 0) throw this.outsideRoot();
          if (this.inTenants && this.depth === 2) throw notATenant();
      }
      i++;
    }
    if (tenantFrom >= 0) this.tenantText += text.slice(tenantFrom);
    if (keyFrom >= 0) this.keyText += text.slice(keyFrom);
    return tenants;
  }

  /** Call once the text is over: a file that stops early is an error, not a short list. */
  end(): void {
    if (!this.opened) throw new Error('json_v2_0 file is empty.');
    if (!this.closed) throw new Error('json_v2_0 file ends before its closing brace: it is cut off or malformed.');
    if (!this.sawTenants) throw new Error('json_v2_0 file has no "tenants" array.');
  }

  private outsideRoot(): Error {
    return new Error(this.closed ? 'json_v2_0 file has content after its end.' : 'json_v2_0 file is not one JSON object.');
  }
}

const notATenant = (): Error => new Error('json_v2_0 "tenants" holds something other than objects.');
