/**
 * The generated protobufjs module for the ONNX schema, configured so that int64 fields decode exactly.
 *
 * protobufjs finds the `long` package by a dynamic require that may fail inside a compiled binary, which
 * would silently turn int64 fields into lossy doubles. We install `Long` explicitly so that behaviour is
 * the same everywhere: every int64 field comes out as a `Long`, and the helpers below turn it into a
 * number (dims, attributes, versions) or an exact bigint (int64_data / uint64_data tensor payloads).
 */
import Long from 'long';
import * as $protobuf from 'protobufjs/minimal';
import { onnx } from './generated/onnx-pb.js';

$protobuf.util.Long = Long;
$protobuf.configure();

export { onnx, Long };

/** What protobufjs hands back for an int64 field: a Long, or a number when the default was built without Long. */
type Int64Like = number | Long | { low: number; high: number; unsigned?: boolean };

/** An int64 as a JS number (exact up to 2^53, rounded beyond; fine for dims, attributes and versions). */
export function int64ToNumber(v: Int64Like | null | undefined): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return v;
  return Long.fromBits(v.low, v.high, v.unsigned ?? false).toNumber();
}

/** An int64 as an exact signed bigint (or unsigned with `unsigned` true). */
export function int64ToBigInt(v: Int64Like, unsigned = false): bigint {
  if (typeof v === 'number') return unsigned ? BigInt.asUintN(64, BigInt(v)) : BigInt.asIntN(64, BigInt(v));
  const bits = (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0);
  return unsigned ? bits : BigInt.asIntN(64, bits);
}

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/**
 * A JS number as an int64 field value. Numbers beyond 2^63 (an INT64_MAX that went through a double)
 * are clamped, so a `Slice` end of INT64_MAX survives a decode → encode round trip.
 */
export function numberToInt64(n: number): number | Long {
  if (Number.isSafeInteger(n)) return n;
  if (!Number.isFinite(n)) return n > 0 ? Long.MAX_VALUE : n < 0 ? Long.MIN_VALUE : 0;
  let b = BigInt(Math.trunc(n));
  if (b > INT64_MAX) b = INT64_MAX;
  if (b < INT64_MIN) b = INT64_MIN;
  return Long.fromString(b.toString());
}
