/** Thrown inside the scan only, to stop at the first mistake. */
class Stop {
  constructor(readonly at: number) {}
}

const NUMBER_OR_LITERAL = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/;
const ESCAPE = /^\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/;

/**
 * Where a JSON text first goes wrong, as an offset; null when it is valid or too deeply nested to
 * scan. JSON.parse names a position for some mistakes and not for others (V8's "Unexpected token"
 * quotes the text instead), and a team lead fixing a file by hand needs the line every time.
 */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const fail = (): never => {
    throw new Stop(i);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        if (!ESCAPE.test(text.slice(i, i + 6))) fail();
        i += text[i + 1] === 'u' ? 6 : 2;
      } else if (c < ' ') fail();
      else i++;
    }
    fail();
  };
  const list = (close: '}' | ']', item: () => void) => {
    i++;
    space();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      space();
      if (text[i] === ',') i++;
      else if (text[i] === close) {
        i++;
        return;
      } else fail();
    }
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      return list('}', () => {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        if (text[i] !== ':') fail();
        i++;
        value();
      });
    }
    if (c === '[') return list(']', value);
    if (c === '"') return string();
    const literal = NUMBER_OR_LITERAL.exec(text.slice(i, i + 400));
    if (!literal) fail();
    else i += literal[0].length;
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return null;
  } catch (error) {
    if (error instanceof Stop) return error.at;
    // A stack overflow on absurd nesting: the file is refused all the same, without a position.
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { readonly line: number; readonly column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
