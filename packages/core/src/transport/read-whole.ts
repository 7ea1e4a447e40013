/**
 * An answer read to its end inside the attempt, so that a body cut mid-way fails the attempt (and is retried), not
 * the caller's later read. A success keeps its text and serves it as it is asked for: openapi-fetch calls `json()`
 * on it, which parses that text once, instead of reading a second copy through a new body stream. Status and
 * headers are the original answer's.
 */
export async function readWhole(response: Response): Promise<Response> {
  const text = await response.text();
  return response.ok ? new ReadResponse(text, response) : new Response(text, response);
}

class ReadResponse extends Response {
  readonly #text: string;

  constructor(text: string, original: Response) {
    super(null, original);
    this.#text = text;
  }

  override text(): Promise<string> {
    return Promise.resolve(this.#text);
  }

  override json(): Promise<any> {
    try {
      return Promise.resolve(JSON.parse(this.#text));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(new TextEncoder().encode(this.#text).buffer as ArrayBuffer);
  }

  override clone(): Response {
    return new ReadResponse(this.#text, this);
  }
}
