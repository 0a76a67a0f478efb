/** 32-bit arrays (MinHash signatures, sentence spans) as SQLite BLOBs and back, in the machine's byte order. */
export function blobOf(values: Uint32Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

export function uint32sOf(blob: Buffer): Uint32Array {
  // A copy: a BLOB read from SQLite need not sit at a 4-byte boundary of its buffer.
  return new Uint32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}
