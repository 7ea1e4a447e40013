/** An answer in the vendor's error shape, thrown anywhere in request handling and written by the server. */
export class VendorError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly options: { code?: number | string; info?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }

  body() {
    return {
      error: {
        code: this.options.code ?? this.status,
        domain: 'PlatformAccountServer',
        message: this.message,
        ...(this.options.info ? { details: { info: this.options.info } } : {}),
      },
    };
  }
}

/** An answer of the token endpoint, in the OAuth 2.0 error shape. */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }

  body() {
    return { error: this.error, error_description: this.description };
  }
}
