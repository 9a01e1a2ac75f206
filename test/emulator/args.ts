/**
 * Method arguments as they arrive on the wire (slack-rules.md §4.1): form fields are strings,
 * and @slack/web-api JSON-stringifies non-scalar arguments (blocks, view, files, attachments,
 * metadata) into a field; JSON bodies carry real types. These helpers accept both.
 */
import { ApiError, missingArgument } from './errors.js';

export class Args {
  constructor(readonly raw: Readonly<Record<string, unknown>>) {}

  has(name: string): boolean {
    const v = this.raw[name];
    return v !== undefined && v !== null && v !== '';
  }

  string(name: string): string | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return JSON.stringify(v);
  }

  /** A required string argument; empty counts as missing. */
  required(name: string, onMissing: () => ApiError = () => missingArgument(name)): string {
    const v = this.string(name);
    if (v === undefined || v === '') throw onMissing();
    return v;
  }

  bool(name: string): boolean | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') return v !== 0;
    const s = String(v).toLowerCase();
    return s === 'true' || s === '1';
  }

  /** A JSON argument that may arrive as a JSON string (form) or as a value (JSON body). */
  json(name: string, onInvalid: () => ApiError): unknown {
    const v = this.raw[name];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v);
    } catch {
      throw onInvalid();
    }
  }

  /** Comma-separated list ("U1,U2"), or an array in a JSON body. */
  list(name: string): string[] {
    const v = this.raw[name];
    if (v === undefined || v === null || v === '') return [];
    if (Array.isArray(v)) return v.map(String);
    return String(v)
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  }
}
