import { Tokenizer, TokenParser, TokenType, type ParsedElementInfo, type ParsedTokenInfo } from '@streamparser/json';

/** Why a streamed JSON document cannot be read, in words for the sentence that refuses it. */
export type JsonRefusal =
  | { kind: 'empty' }
  | { kind: 'syntax'; detail: string }
  | { kind: 'not-object'; found: string }
  | { kind: 'polluting'; key: '__proto__' | 'constructor.prototype' };

export class JsonRefused extends Error {
  constructor(readonly refusal: JsonRefusal) {
    super(refusal.kind === 'syntax' ? refusal.detail : refusal.kind);
    this.name = 'JsonRefused';
  }
}

/** A member of the top object as far as its tokens tell: a plain value, or that it opens an object or a list. */
export type TopMember = { shape: 'object' } | { shape: 'list' } | { shape: 'value'; value: unknown };

export interface JsonObjectStream {
  write(chunk: Uint8Array | string): void;
  /** The document is over: refuses one cut short, empty, or followed by more. */
  end(): void;
  /** Every member of the top object seen so far, by key, without holding the objects and lists. */
  readonly top: ReadonlyMap<string, TopMember>;
}

type Level = { object: true; key: string | undefined; expectKey: boolean; under: string | undefined } | { object: false };

const KIND_OF: Partial<Record<TokenType, string>> = {
  [TokenType.LEFT_BRACKET]: 'list',
  [TokenType.STRING]: 'string',
  [TokenType.NUMBER]: 'number',
  [TokenType.TRUE]: 'boolean',
  [TokenType.FALSE]: 'boolean',
  [TokenType.NULL]: 'null',
};

const shown = (value: unknown) => {
  const text = typeof value === 'string' && value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}…` : JSON.stringify(value);
  return text ?? String(value);
};

/**
 * A JSON document whose top is an object, read piece by piece (@streamparser/json) with
 * `onValue` hearing the values at `paths` as each is whole; the parser keeps nothing it has
 * handed over. The tokens are watched on the way, so that what JSON.parse and the body
 * parser refuse is refused here too before any value is built: a "__proto__" or
 * "constructor.prototype" key anywhere, and a top that is not an object. Errors are
 * JsonRefused, with the position (in bytes) of a syntax error.
 */
export function jsonObjectStream(options: { paths: string[]; onValue: (info: ParsedElementInfo) => void }): JsonObjectStream {
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({ paths: options.paths, keepStack: false });
  const top = new Map<string, TopMember>();
  const levels: Level[] = [];
  let seen = false;
  let last: ParsedTokenInfo | null = null;

  const watch = (info: ParsedTokenInfo) => {
    seen = true;
    last = info;
    const level = levels.at(-1);
    switch (info.token) {
      case TokenType.RIGHT_BRACE:
      case TokenType.RIGHT_BRACKET:
        levels.pop();
        return;
      case TokenType.COMMA:
        if (level?.object) level.expectKey = true;
        return;
      case TokenType.COLON:
      case TokenType.SEPARATOR:
        return;
    }
    if (level?.object && level.expectKey) {
      if (info.token !== TokenType.STRING) return; // the parser refuses it
      const key = String(info.value);
      if (key === '__proto__') throw new JsonRefused({ kind: 'polluting', key });
      if (key === 'prototype' && level.under === 'constructor') throw new JsonRefused({ kind: 'polluting', key: 'constructor.prototype' });
      level.key = key;
      level.expectKey = false;
      return;
    }
    if (!level) {
      if (info.token !== TokenType.LEFT_BRACE) throw new JsonRefused({ kind: 'not-object', found: KIND_OF[info.token] ?? 'value' });
    } else if (levels.length === 1 && level.object && level.key !== undefined) {
      top.set(
        level.key,
        info.token === TokenType.LEFT_BRACE
          ? { shape: 'object' }
          : info.token === TokenType.LEFT_BRACKET
            ? { shape: 'list' }
            : { shape: 'value', value: info.value },
      );
    }
    if (info.token === TokenType.LEFT_BRACE)
      levels.push({ object: true, key: undefined, expectKey: true, under: level?.object ? level.key : undefined });
    else if (info.token === TokenType.LEFT_BRACKET) levels.push({ object: false });
  };

  tokenizer.onToken = (info) => {
    watch(info);
    parser.write(info);
  };
  tokenizer.onEnd = () => {
    if (!parser.isEnded) parser.end();
  };
  parser.onValue = options.onValue;
  parser.onEnd = () => {
    if (!tokenizer.isEnded) tokenizer.end();
  };

  const refusalOf = (error: unknown): JsonRefused => {
    if (error instanceof JsonRefused) return error;
    const message = error instanceof Error ? error.message : String(error);
    if (/ended in (the middle of a token|mid-parsing)/.test(message))
      return new JsonRefused({ kind: 'syntax', detail: 'it ends before the document does' });
    const char = /^Unexpected "(.*)" at chunk position "\d+" \(absolute position "(\d+)"\) in state (\w+)/s.exec(message);
    if (char) {
      const detail =
        char[3] === 'ENDED'
          ? `more follows the end of the document, at position ${char[2]}`
          : `unexpected ${JSON.stringify(char[1])} at position ${char[2]}`;
      return new JsonRefused({ kind: 'syntax', detail });
    }
    const token = last as ParsedTokenInfo | null;
    return new JsonRefused({ kind: 'syntax', detail: token ? `unexpected ${shown(token.value)} at position ${token.offset}` : message });
  };

  return {
    top,
    write(chunk) {
      try {
        tokenizer.write(chunk);
      } catch (error) {
        throw refusalOf(error);
      }
    },
    end() {
      try {
        if (!tokenizer.isEnded) tokenizer.end();
      } catch (error) {
        throw refusalOf(error);
      }
      if (!seen) throw new JsonRefused({ kind: 'empty' });
      if (!parser.isEnded) throw new JsonRefused({ kind: 'syntax', detail: 'it ends before the document does' });
    },
  };
}
