'use strict';
'require baseclass';
// Generated from src/core/*.ts by `npm run build` — edit the TypeScript, not this file.

var __defProp = Object.defineProperty;
var __defProps = Object.defineProperties;
var __getOwnPropDescs = Object.getOwnPropertyDescriptors;
var __getOwnPropSymbols = Object.getOwnPropertySymbols;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __propIsEnum = Object.prototype.propertyIsEnumerable;
var __defNormalProp = (obj, key, value) => key in obj ? __defProp(obj, key, { enumerable: true, configurable: true, writable: true, value }) : obj[key] = value;
var __spreadValues = (a, b) => {
  for (var prop in b || (b = {}))
    if (__hasOwnProp.call(b, prop))
      __defNormalProp(a, prop, b[prop]);
  if (__getOwnPropSymbols)
    for (var prop of __getOwnPropSymbols(b)) {
      if (__propIsEnum.call(b, prop))
        __defNormalProp(a, prop, b[prop]);
    }
  return a;
};
var __spreadProps = (a, b) => __defProps(a, __getOwnPropDescs(b));

// src/ucode/shim/numbers.ts
var TWO63N = -(2 ** 63);
var TWO64P = 2 ** 64;
function isIntNum(v) {
  return Number.isInteger(v) && v >= TWO63N && v < TWO64P;
}
function intToString(v) {
  if (typeof v === "bigint") return v.toString();
  return Number.isSafeInteger(v) ? String(v === 0 ? 0 : v) : BigInt(v).toString();
}
var INT64_MAX = (/* @__PURE__ */ BigInt("1") << /* @__PURE__ */ BigInt("63")) - /* @__PURE__ */ BigInt("1");
var INT64_MIN = -(/* @__PURE__ */ BigInt("1") << /* @__PURE__ */ BigInt("63"));
var UINT64_MAX = (/* @__PURE__ */ BigInt("1") << /* @__PURE__ */ BigInt("64")) - /* @__PURE__ */ BigInt("1");
var TWO63 = 2 ** 63;
var TWO64 = 2 ** 64;
function isSpaceC(c) {
  return c === " " || c === "	" || c === "\n" || c === "\v" || c === "\f" || c === "\r";
}
function isXDigitC(c) {
  return c !== void 0 && /^[0-9a-fA-F]$/.test(c);
}
function digitVal(c) {
  if (c === void 0) return 99;
  const n = c.charCodeAt(0);
  if (n >= 48 && n <= 57) return n - 48;
  if (n >= 97 && n <= 122) return n - 87;
  if (n >= 65 && n <= 90) return n - 55;
  return 99;
}
function cStrtol(s2, start, base) {
  let p = start;
  if (base !== 0 && (base < 2 || base > 36)) return { v: /* @__PURE__ */ BigInt("0"), end: start, any: false, neg: false, ok: false };
  while (isSpaceC(s2[p])) p++;
  let neg = false;
  if (s2[p] === "-" || s2[p] === "+") {
    neg = s2[p] === "-";
    p++;
  }
  if ((base === 0 || base === 16) && s2[p] === "0" && (s2[p + 1] === "x" || s2[p + 1] === "X") && digitVal(s2[p + 2]) < 16) {
    p += 2;
    base = 16;
  } else if (base === 0) base = s2[p] === "0" ? 8 : 10;
  let v = /* @__PURE__ */ BigInt("0"), any = false;
  const B = BigInt(base);
  while (digitVal(s2[p]) < base) {
    v = v * B + BigInt(digitVal(s2[p]));
    p++;
    any = true;
  }
  return { v, end: any ? p : start, any, neg, ok: true };
}
function cStrtodDec(s2, start) {
  const m = /^[ \t\n\v\f\r]*[+-]?(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/.exec(s2.slice(start));
  if (!m) return { d: 0, end: start };
  return { d: parseFloat(m[0].trim()), end: start + m[0].length };
}
function parseUcNumber(s2) {
  let p = 0;
  while (isSpaceC(s2[p])) p++;
  let neg = false;
  if (s2[p] === "-") {
    neg = true;
    p++;
  } else if (s2[p] === "+") p++;
  if (p < s2.length && !isXDigitC(s2[p])) return null;
  let base = 10;
  if (s2[p] === "0") {
    const c = (s2[p + 1] || "").toLowerCase();
    if (c >= "0" && c <= "7" && c.length === 1) base = 10;
    else if (c === "x") base = 16;
    else if (c === "b") {
      base = 2;
      p += 2;
    } else if (c === "o") {
      base = 8;
      p += 2;
    }
  }
  const r = cStrtol(s2, p, base);
  let end = r.end;
  let u = r.v;
  if (r.neg) u = -u;
  if (u > UINT64_MAX || u < -UINT64_MAX) u = UINT64_MAX;
  else if (u < /* @__PURE__ */ BigInt("0")) u = u + (/* @__PURE__ */ BigInt("1") << /* @__PURE__ */ BigInt("64")) & UINT64_MAX;
  if (base >= 10 && (s2[end] === "." || s2[end] === "e" || s2[end] === "E")) {
    const dr = cStrtodDec(s2, p);
    end = dr.end;
    while (isSpaceC(s2[end])) end++;
    if (end !== s2.length) return null;
    return { d: neg ? -dr.d : dr.d };
  }
  while (isSpaceC(s2[end])) end++;
  if (end !== s2.length) return null;
  if (neg) return { i: u > INT64_MAX ? INT64_MIN : -u };
  return { i: u };
}
function toNumV(v) {
  switch (typeof v) {
    case "undefined":
      return { i: /* @__PURE__ */ BigInt("0") };
    case "boolean":
      return { i: v ? /* @__PURE__ */ BigInt("1") : /* @__PURE__ */ BigInt("0") };
    case "number":
      if (isIntNum(v)) return { i: BigInt(v) };
      if (Number.isNaN(v)) return null;
      return { d: v };
    case "bigint":
      return { i: v };
    case "string":
      return parseUcNumber(v);
    case "object":
      return v === null ? { i: /* @__PURE__ */ BigInt("0") } : null;
    default:
      return null;
  }
}
var EOK = 0;
var EINVAL = 22;
var ERANGE = 34;
function int64Get(nv) {
  if (nv === null) return [/* @__PURE__ */ BigInt("0"), EINVAL];
  if ("i" in nv) {
    if (nv.i > INT64_MAX) return [INT64_MAX, ERANGE];
    if (nv.i < INT64_MIN) return [INT64_MIN, ERANGE];
    return [nv.i, EOK];
  }
  const d = nv.d;
  if (Number.isNaN(d)) return [/* @__PURE__ */ BigInt("0"), EOK];
  if (d < -TWO63) return [INT64_MIN, ERANGE];
  if (d >= TWO63) return [INT64_MAX, ERANGE];
  return [BigInt(Math.trunc(d)), EOK];
}
function uint64Get(nv) {
  if (nv === null) return [/* @__PURE__ */ BigInt("0"), EINVAL];
  if ("i" in nv) {
    if (nv.i < /* @__PURE__ */ BigInt("0")) return [/* @__PURE__ */ BigInt("0"), ERANGE];
    if (nv.i > UINT64_MAX) return [UINT64_MAX, ERANGE];
    return [nv.i, EOK];
  }
  const d = nv.d;
  if (d < 0) return [/* @__PURE__ */ BigInt("0"), ERANGE];
  if (d >= TWO64) return [UINT64_MAX, ERANGE];
  if (Number.isNaN(d)) return [/* @__PURE__ */ BigInt("0"), EOK];
  return [BigInt(Math.trunc(d)), EOK];
}
function rawNumV(v) {
  if (typeof v === "number") return Number.isNaN(v) ? { d: v } : isIntNum(v) ? { i: BigInt(v) } : { d: v };
  if (typeof v === "bigint") return { i: v };
  return null;
}
function doubleGet(nv) {
  if (nv === null) return NaN;
  return "i" in nv ? Number(nv.i) : nv.d;
}
function toInteger(v) {
  return int64Get(toNumV(v))[0];
}

// src/ucode/shim/bytes.ts
var ASCII_RE = /^[\x00-\x7f]*$/;
var HIB = 57344;
function isAscii(s2) {
  return ASCII_RE.test(s2);
}
function encodeBytes(s2) {
  const out = [];
  for (let i = 0; i < s2.length; i++) {
    const c = s2.charCodeAt(i);
    if (c < 128) out.push(c);
    else if (c < 2048) out.push(192 | c >> 6, 128 | c & 63);
    else if (c >= 55296 && c <= 56319 && i + 1 < s2.length && (s2.charCodeAt(i + 1) & 64512) === 56320) {
      const cp = 65536 + (c - 55296 << 10) + (s2.charCodeAt(++i) - 56320);
      out.push(240 | cp >> 18, 128 | cp >> 12 & 63, 128 | cp >> 6 & 63, 128 | cp & 63);
    } else if (c >= 56448 && c <= 56575) out.push(c - 56320);
    else out.push(224 | c >> 12, 128 | c >> 6 & 63, 128 | c & 63);
  }
  return Uint8Array.from(out);
}
function decodeBytes(b) {
  let out = "";
  let chunk = [];
  const n = b.length;
  for (let i = 0; i < n; ) {
    const c = b[i];
    let cp = -1, len = 1;
    if (c < 128) cp = c;
    else if (c >= 194 && c <= 223) {
      if (i + 1 < n && (b[i + 1] & 192) === 128) {
        cp = (c & 31) << 6 | b[i + 1] & 63;
        len = 2;
      }
    } else if (c >= 224 && c <= 239) {
      const lo = c === 224 ? 160 : 128, hi = c === 237 ? 159 : 191;
      if (i + 2 < n && b[i + 1] >= lo && b[i + 1] <= hi && (b[i + 2] & 192) === 128) {
        cp = (c & 15) << 12 | (b[i + 1] & 63) << 6 | b[i + 2] & 63;
        len = 3;
      }
    } else if (c >= 240 && c <= 244) {
      const lo = c === 240 ? 144 : 128, hi = c === 244 ? 143 : 191;
      if (i + 3 < n && b[i + 1] >= lo && b[i + 1] <= hi && (b[i + 2] & 192) === 128 && (b[i + 3] & 192) === 128) {
        cp = (c & 7) << 18 | (b[i + 1] & 63) << 12 | (b[i + 2] & 63) << 6 | b[i + 3] & 63;
        len = 4;
      }
    }
    if (cp < 0) {
      chunk.push(56320 + c);
      i++;
    } else if (cp >= 65536) {
      cp -= 65536;
      chunk.push(55296 + (cp >> 10), 56320 + (cp & 1023));
      i += len;
    } else {
      chunk.push(cp);
      i += len;
    }
    if (chunk.length > 4096) {
      out += String.fromCharCode.apply(null, chunk);
      chunk = [];
    }
  }
  return out + String.fromCharCode.apply(null, chunk);
}
function bytesToB(b) {
  let out = "";
  for (let i = 0; i < b.length; i += 4096) {
    const part = [];
    for (let j = i; j < b.length && j < i + 4096; j++) part.push(b[j] < 128 ? b[j] : HIB + b[j]);
    out += String.fromCharCode.apply(null, part);
  }
  return out;
}
function bToBytes(s2) {
  const out = new Uint8Array(s2.length);
  for (let i = 0; i < s2.length; i++) {
    const c = s2.charCodeAt(i);
    out[i] = c < 128 ? c : c - HIB & 255;
  }
  return out;
}
function toB(s2) {
  return isAscii(s2) ? s2 : bytesToB(encodeBytes(s2));
}
function fromB(b) {
  return isAscii(b) ? b : decodeBytes(bToBytes(b));
}
function byteChar(n) {
  return n < 128 ? String.fromCharCode(n) : decodeBytes([n]);
}
function byteLength(s2) {
  if (isAscii(s2)) return s2.length;
  let n = 0;
  for (let i = 0; i < s2.length; i++) {
    const c = s2.charCodeAt(i);
    if (c < 128) n++;
    else if (c < 2048) n += 2;
    else if (c >= 55296 && c <= 56319 && i + 1 < s2.length && (s2.charCodeAt(i + 1) & 64512) === 56320) {
      n += 4;
      i++;
    } else if (c >= 56448 && c <= 56575) n++;
    else n += 3;
  }
  return n;
}

// src/ucode/shim/values.ts
function isRegExp(v) {
  return v instanceof RegExp;
}
function ucTypeOf(v) {
  switch (typeof v) {
    case "undefined":
      return null;
    case "boolean":
      return "bool";
    case "string":
      return "string";
    case "number":
      return isIntNum(v) ? "int" : "double";
    case "bigint":
      return "int";
    case "function":
      return "function";
    case "object":
      if (v === null) return null;
      if (Array.isArray(v)) return "array";
      if (isRegExp(v)) return "regexp";
      return "object";
    default:
      return "object";
  }
}
function truish(v) {
  switch (typeof v) {
    case "undefined":
      return false;
    case "boolean":
      return v;
    case "number":
      return v !== 0 && !Number.isNaN(v);
    case "bigint":
      return v !== /* @__PURE__ */ BigInt("0");
    case "string":
      return v.length > 0;
    case "object":
      return v !== null;
    default:
      return true;
  }
}
function isScalar(v) {
  const t = ucTypeOf(v);
  return t === null || t === "int" || t === "double" || t === "string" || t === "bool";
}
function cmpBytes(a, b) {
  if (isAscii(a) && isAscii(b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = toB(a), y = toB(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
function ucCompare(v1, v2) {
  const t1 = ucTypeOf(v1), t2 = ucTypeOf(v2);
  if (t1 === "string" && t2 === "string") return cmpBytes(v1, v2);
  if (t1 === t2 && !isScalar(v1)) return v1 === v2 ? 0 : 2;
  const n1 = toNumV(v1), n2 = toNumV(v2);
  if (n1 === null || n2 === null) return 2;
  if ("d" in n1 || "d" in n2) {
    const d1 = doubleGet(n1), d2 = doubleGet(n2);
    return d1 === d2 ? 0 : d1 < d2 ? -1 : 1;
  }
  return n1.i === n2.i ? 0 : n1.i < n2.i ? -1 : 1;
}
function uniqEqual(a, b) {
  if (!isScalar(a) && !isScalar(b)) return a === b;
  const ta = ucTypeOf(a), tb = ucTypeOf(b);
  if (ta !== tb) return false;
  if (ta === null) return true;
  if (ta === "double" && Number.isNaN(a) && Number.isNaN(b)) return true;
  if (typeof a === "bigint" || typeof b === "bigint") return BigInt(a) === BigInt(b);
  return a === b;
}
function isArr(v) {
  return Array.isArray(v);
}
function isObj(v) {
  return ucTypeOf(v) === "object";
}
function isCallable(v) {
  return typeof v === "function";
}

// src/ucode/shim/float.ts
function decompose(d) {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, d);
  const hi = dv.getUint32(0), lo = dv.getUint32(4);
  const exp = hi >>> 20 & 2047;
  const mant = BigInt(hi & 1048575) << /* @__PURE__ */ BigInt("32") | BigInt(lo);
  if (exp === 0) return [mant, -1074];
  return [mant | /* @__PURE__ */ BigInt("1") << /* @__PURE__ */ BigInt("52"), exp - 1075];
}
function scaledRound(a, p10) {
  if (a === 0) return /* @__PURE__ */ BigInt("0");
  const [m, e2] = decompose(a);
  let num = m, den = /* @__PURE__ */ BigInt("1");
  if (e2 >= 0) num <<= BigInt(e2);
  else den <<= BigInt(-e2);
  if (p10 >= 0) num *= /* @__PURE__ */ BigInt("10") ** BigInt(p10);
  else den *= /* @__PURE__ */ BigInt("10") ** BigInt(-p10);
  const q = num / den, r = num - q * den;
  const twice = r * /* @__PURE__ */ BigInt("2");
  if (twice > den || twice === den && (q & /* @__PURE__ */ BigInt("1")) === /* @__PURE__ */ BigInt("1")) return q + /* @__PURE__ */ BigInt("1");
  return q;
}
function fmtFixed(a, prec, alt) {
  const n = scaledRound(a, prec).toString();
  if (prec === 0) return n + (alt ? "." : "");
  const s2 = n.padStart(prec + 1, "0");
  return s2.slice(0, s2.length - prec) + "." + s2.slice(s2.length - prec);
}
function expDigits(a, prec) {
  if (a === 0) return ["0".repeat(prec + 1), 0];
  let e = Math.floor(Math.log10(a));
  const lim = /* @__PURE__ */ BigInt("10") ** BigInt(prec + 1);
  let n = scaledRound(a, prec - e);
  for (let k = 0; k < 3; k++) {
    if (n >= lim) {
      e++;
      n = scaledRound(a, prec - e);
    } else if (n < lim / /* @__PURE__ */ BigInt("10")) {
      e--;
      n = scaledRound(a, prec - e);
    } else break;
  }
  return [n.toString(), e];
}
function fmtExp(a, prec, alt, upper) {
  const [digits, e] = expDigits(a, prec);
  const mant = digits[0] + (prec > 0 || alt ? "." : "") + digits.slice(1);
  const exp = (e < 0 ? "-" : "+") + String(Math.abs(e)).padStart(2, "0");
  return mant + (upper ? "E" : "e") + exp;
}
function stripZeros(s2) {
  const e = s2.search(/[eE]/);
  let mant = e >= 0 ? s2.slice(0, e) : s2;
  const rest = e >= 0 ? s2.slice(e) : "";
  if (mant.indexOf(".") >= 0) mant = mant.replace(/0+$/, "").replace(/\.$/, "");
  return mant + rest;
}
function fmtGeneral(a, prec, alt, upper) {
  const P = prec === 0 ? 1 : prec;
  const X = a === 0 ? 0 : expDigits(a, P - 1)[1];
  const s2 = P > X && X >= -4 ? fmtFixed(a, P - 1 - X, alt) : fmtExp(a, P - 1, alt, upper);
  return alt ? s2 : stripZeros(s2);
}
function fmtG14(d) {
  const a = Math.abs(d);
  if (a >= 1e-4 && a < 1e14) {
    const s2 = String(d);
    if (s2.indexOf("e") < 0 && s2.replace(/^-?0*\.?0*/, "").replace(".", "").length <= 14) return s2;
  }
  const neg = d < 0 || Object.is(d, -0);
  return (neg ? "-" : "") + fmtGeneral(a, 14, false, false);
}

// src/ucode/shim/config.ts
var libcFlavor = "musl";
function setLibc(flavor) {
  libcFlavor = flavor;
}
var ucodeVersion = "snapshot";
function setUcodeVersion(version) {
  ucodeVersion = version;
}

// src/ucode/shim/errors.ts
var UcodeError = class extends Error {
  constructor(type2, message) {
    super(message);
    this.name = "UcodeError";
    this.type = type2;
    this.stacktrace = [];
  }
};
function raise(type2, msg) {
  throw new UcodeError(type2, msg);
}

// src/ucode/shim/regex-lexer.ts
function lexRegexLiteral(src) {
  let out = "";
  let i = 0;
  const n = src.length;
  const isHex = (c) => isXDigitC(c);
  const esc = (macros) => {
    const ch = src[i];
    if (ch === "u") {
      let code2 = 0;
      for (let k2 = 1; k2 <= 4; k2++) {
        if (!isHex(src[i + k2])) raise("Syntax error", "Invalid escape sequence");
        code2 = code2 * 16 + digitVal(src[i + k2]);
      }
      i += 5;
      if ((code2 & 64512) === 55296) {
        if (src[i] === "\\" && src[i + 1] === "u" && /^[dD][c-fC-F][0-9a-fA-F]{2}$/.test(src.slice(i + 2, i + 6))) {
          const lo = parseInt(src.slice(i + 2, i + 6), 16);
          i += 6;
          out += String.fromCodePoint(65536 + ((code2 & 1023) << 10) + (lo & 1023));
        } else out += "�";
      } else if ((code2 & 64512) === 56320) out += "�";
      else out += String.fromCharCode(code2);
      return;
    }
    if (ch === "x") {
      if (!isHex(src[i + 1]) || !isHex(src[i + 2])) raise("Syntax error", "Invalid escape sequence");
      out += byteChar(parseInt(src.slice(i + 1, i + 3), 16));
      i += 3;
      return;
    }
    let code = 0, k = 0;
    while (k < 3 && src[i] >= "0" && src[i] <= "7") {
      code = code * 8 + (src.charCodeAt(i) - 48);
      i++;
      k++;
    }
    if (k) {
      if (code > 255) raise("Syntax error", "Invalid escape sequence");
      out += byteChar(code);
      return;
    }
    if (ch !== void 0 && macros.indexOf(ch) >= 0) {
      i++;
      switch (ch) {
        case "d":
          out += "[[:digit:]]";
          break;
        case "D":
          out += "[^[:digit:]]";
          break;
        case "w":
          out += "[[:alnum:]_]";
          break;
        case "W":
          out += "[^[:alnum:]_]";
          break;
        case "s":
          out += "[[:space:]]";
          break;
        case "S":
          out += "[^[:space:]]";
          break;
        default:
          out += "\\" + ch;
      }
      return;
    }
    i++;
    switch (ch) {
      case "a":
        out += "\x07";
        break;
      case "b":
        out += "\b";
        break;
      case "e":
        out += "\x1B";
        break;
      case "f":
        out += "\f";
        break;
      case "n":
        out += "\n";
        break;
      case "r":
        out += "\r";
        break;
      case "t":
        out += "	";
        break;
      case "v":
        out += "\v";
        break;
      case void 0:
        raise("Syntax error", "Unterminated string");
      default:
        out += ch;
    }
  };
  while (i < n) {
    const ch = src[i++];
    if (ch === "[") {
      out += "[";
      if (src[i] === "^") {
        out += "^";
        i++;
      }
      if (src[i] === "]") {
        out += "]";
        i++;
      }
      while (i < n) {
        const c = src[i++];
        if (c === "\\") {
          esc("^");
          continue;
        }
        out += c;
        if (c === "]") break;
        if (c === "[" && (src[i] === ":" || src[i] === "." || src[i] === "=")) {
          const code = src[i++];
          out += code;
          while (i < n) {
            const d = src[i++];
            if (d === "\\") {
              esc("");
              continue;
            }
            out += d;
            if (d === code && src[i] === "]") {
              out += "]";
              i++;
              break;
            }
          }
        }
      }
    } else if (ch === "\\") esc("^bBdDsSwW<>.[$()|*+?{\\");
    else out += ch;
  }
  return out;
}

// src/ucode/shim/regex-ere.ts
function regError(code) {
  const musl = {
    EPAREN: "Missing ')'",
    EBRACK: "Missing ']'",
    BADRPT: "Repetition not preceded by valid expression",
    ERANGE: "Invalid character range",
    ECTYPE: "Unknown character class name",
    EBRACE: "Missing '}'",
    BADBR: "Invalid contents of {}",
    EESCAPE: "Trailing backslash",
    ECOLLATE: "Unknown collating element",
    ESUBREG: "Invalid back reference"
  };
  const glibc = {
    EPAREN: "Unmatched ( or \\(",
    EBRACK: "Unmatched [, [^, [:, [., or [=",
    BADRPT: "Invalid preceding regular expression",
    ERANGE: "Invalid range end",
    ECTYPE: "Invalid character class name",
    EBRACE: "Unmatched \\{",
    BADBR: "Invalid content of \\{\\}",
    EESCAPE: "Trailing backslash",
    ECOLLATE: "Invalid collation character",
    ESUBREG: "Invalid back reference"
  };
  return raise("Syntax error", (libcFlavor === "glibc" ? glibc : musl)[code]);
}
function hex4(n) {
  return "\\u" + n.toString(16).padStart(4, "0");
}
var CLASSES = {
  alpha: "A-Za-z",
  digit: "0-9",
  alnum: "0-9A-Za-z",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\v\\f\\r",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  print: " -~",
  graph: "!-~",
  cntrl: "\\x00-\\x1f\\x7f",
  xdigit: "0-9A-Fa-f"
};
function translateBracket(p, i, newline, fnm) {
  let neg = false;
  if (p[i] === "^" || fnm && p[i] === "!") {
    neg = true;
    i++;
  }
  let items = "";
  let first = true;
  for (; ; ) {
    if (i >= p.length) regError("EBRACK");
    let c = p[i];
    if (c === "]" && !first) {
      i++;
      break;
    }
    first = false;
    if (c === "[" && (p[i + 1] === ":" || p[i + 1] === "=" || p[i + 1] === ".")) {
      const kind = p[i + 1];
      const end = p.indexOf(kind + "]", i + 2);
      if (end < 0) regError("EBRACK");
      const name = p.slice(i + 2, end);
      i = end + 2;
      if (kind === ":") {
        if (!Object.prototype.hasOwnProperty.call(CLASSES, name)) regError("ECTYPE");
        items += CLASSES[name];
        continue;
      }
      c = name[0] || "";
    } else if (fnm && c === "\\" && i + 1 < p.length) {
      c = p[i + 1];
      i += 2;
    } else i++;
    if (p[i] === "-" && i + 1 < p.length && p[i + 1] !== "]") {
      let hi = p[i + 1];
      i += 2;
      if (fnm && hi === "\\" && i < p.length) hi = p[i++];
      if (hi < c) regError("ERANGE");
      items += hex4(c.charCodeAt(0)) + "-" + hex4(hi.charCodeAt(0));
    } else items += hex4(c.charCodeAt(0));
  }
  if (neg && newline) items += "\\n";
  return ["[" + (neg ? "^" : "") + items + "]", i];
}
function translateEre(p, newline, notbol = false) {
  let out = "";
  let ambiguous = false;
  const groups = [];
  let atomStart = -1;
  let lastQuant = false;
  let nsub = 0;
  const W = "[A-Za-z0-9_]";
  const atom = (s2) => {
    atomStart = out.length;
    out += s2;
    lastQuant = false;
  };
  const noAtom = (s2) => {
    out += s2;
    atomStart = -1;
    lastQuant = false;
  };
  const quant = (q) => {
    if (atomStart < 0) regError("BADRPT");
    if (out[atomStart] === "(") ambiguous = true;
    if (lastQuant) out = out.slice(0, atomStart) + "(?:" + out.slice(atomStart) + ")" + q;
    else out += q;
    lastQuant = true;
  };
  const lit = (c) => "\\^$.|?*+()[]{}/".indexOf(c) >= 0 ? "\\" + c : c === "\n" ? "\\n" : c === "\r" ? "\\r" : c;
  let i = 0;
  while (i < p.length) {
    const c = p[i];
    switch (c) {
      case "\\": {
        const e = p[i + 1];
        i += 2;
        if (e !== void 0 && libcFlavor === "glibc") {
          if (e >= "1" && e <= "9") {
            if (Number(e) > nsub) regError("ESUBREG");
            atom("\\" + e);
            break;
          }
          if ("wWsSbB<>".indexOf(e) < 0) {
            atom(lit(e));
            break;
          }
        }
        switch (e) {
          case void 0:
            regError("EESCAPE");
          case "t":
            atom("\\t");
            break;
          case "n":
            atom("\\n");
            break;
          case "r":
            atom("\\r");
            break;
          case "f":
            atom("\\f");
            break;
          case "a":
            atom("\\x07");
            break;
          case "e":
            atom("\\x1b");
            break;
          case "w":
            atom(W);
            break;
          case "W":
            atom(newline ? "[^A-Za-z0-9_\\n]" : "[^A-Za-z0-9_]");
            break;
          case "s":
            atom("[ \\t\\n\\v\\f\\r]");
            break;
          case "S":
            atom("[^ \\t\\n\\v\\f\\r]");
            break;
          case "d":
            atom("[0-9]");
            break;
          case "D":
            atom(newline ? "[^0-9\\n]" : "[^0-9]");
            break;
          case "b":
            noAtom("\\b");
            break;
          case "B":
            noAtom("\\B");
            break;
          case "<":
            noAtom("\\b(?=" + W + ")");
            break;
          case ">":
            noAtom("\\b(?<=" + W + ")");
            break;
          case "x": {
            let v = 0, k = 0;
            if (p[i] === "{") {
              i++;
              while (k < 8 && isXDigitC(p[i])) {
                v = v * 16 + digitVal(p[i++]);
                k++;
              }
              if (p[i] !== "}") regError("EBRACE");
              i++;
            } else while (k < 2 && isXDigitC(p[i])) {
              v = v * 16 + digitVal(p[i++]);
              k++;
            }
            atom(hex4(v < 128 ? v : HIB + (v & 255)));
            break;
          }
          default:
            atom(lit(e));
        }
        break;
      }
      case "[": {
        const [cls, next] = translateBracket(p, i + 1, newline, false);
        i = next;
        atom(cls);
        break;
      }
      case ".":
        i++;
        atom(newline ? "[^\\n]" : "[\\s\\S]");
        break;
      case "^":
        i++;
        noAtom(newline ? notbol ? "(?<=\\n)" : "(?:^|(?<=\\n))" : notbol ? "(?!)" : "^");
        break;
      case "$":
        i++;
        noAtom(newline ? "(?=\\n|$)" : "$");
        break;
      case "(":
        i++;
        if (p[i] === "?") regError("BADRPT");
        groups.push(out.length);
        nsub++;
        out += "(";
        atomStart = -1;
        lastQuant = false;
        break;
      case ")":
        i++;
        if (!groups.length) {
          atom("\\)");
          break;
        }
        out += ")";
        atomStart = groups.pop();
        lastQuant = false;
        break;
      case "|":
        i++;
        ambiguous = true;
        noAtom("|");
        break;
      case "*":
      case "+":
      case "?":
        i++;
        quant(c);
        break;
      case "{": {
        const m = /^\{(\d*)(,(\d*))?\}/.exec(p.slice(i));
        if (!m || m[1] === "" && m[2] === void 0) regError("BADBR");
        i += m[0].length;
        const lo = m[1] === "" ? "0" : m[1];
        if (m[3] !== void 0 && m[3] !== "" && Number(m[3]) < Number(lo)) regError("BADBR");
        quant("{" + lo + (m[2] !== void 0 ? "," + (m[3] || "") : "") + "}");
        break;
      }
      default:
        i++;
        atom(lit(c));
    }
  }
  if (groups.length) regError("EPAREN");
  return { src: out, nsub, ambiguous };
}

// src/ucode/shim/regex-exec.ts
var META = /* @__PURE__ */ new WeakMap();
var LITERALS = /* @__PURE__ */ new Map();
function compileMeta(source, global, icase, newline) {
  const regNewline = ucodeVersion === "snapshot" ? !newline : newline;
  const { src, nsub, ambiguous } = translateEre(toB(source), regNewline);
  let js;
  try {
    js = new RegExp(src, "g" + (icase ? "i" : ""));
  } catch (e) {
    raise("Syntax error", "Invalid regular expression: " + e.message);
  }
  return { source, global, icase, newline, js, jsSource: src, nsub, ambiguous, atLeast: /* @__PURE__ */ new Map(), version: ucodeVersion, notbol: null, regNewline };
}
function regexMeta(re) {
  let m = META.get(re);
  if (m && m.version !== ucodeVersion) {
    m = compileMeta(m.source, m.global, m.icase, m.newline);
    META.set(re, m);
  }
  if (m) return m;
  for (const f of re.flags) {
    if ("gisd".indexOf(f) < 0) raise("Syntax error", `Regular expression flag '${f}' is not supported by ucode`);
  }
  const key = ucodeVersion + "/" + re.flags + "/" + re.source;
  m = LITERALS.get(key);
  if (!m) {
    const src = re.source === "(?:)" ? "" : re.source;
    m = compileMeta(lexRegexLiteral(src), re.global, re.ignoreCase, re.dotAll);
    if (LITERALS.size >= 1e3) LITERALS.clear();
    LITERALS.set(key, m);
  }
  META.set(re, m);
  return m;
}
function endingAtLeast(m, e) {
  let re = m.atLeast.get(e);
  if (!re) {
    re = new RegExp("(?:" + m.jsSource + ")(?<=^[\\s\\S]{" + e + ",})", "y" + (m.icase ? "i" : ""));
    if (m.atLeast.size > 256) m.atLeast.clear();
    m.atLeast.set(e, re);
  }
  return re;
}
function execAt(m, sb, pos) {
  if (pos > 0) {
    if (!m.notbol) {
      const t = translateEre(toB(m.source), m.regNewline, true);
      m.notbol = __spreadProps(__spreadValues({}, m), { js: new RegExp(t.src, "g" + (m.icase ? "i" : "")), jsSource: t.src, atLeast: /* @__PURE__ */ new Map(), notbol: null });
    }
    const r2 = execAt(m.notbol, sb.slice(pos), 0);
    if (r2) r2.index += pos;
    return r2;
  }
  m.js.lastIndex = pos;
  const r = m.js.exec(sb);
  if (!r || !m.ambiguous || r.index + r[0].length === sb.length) return r;
  const start = r.index;
  let best = r;
  let lo = start + r[0].length;
  let hi = sb.length;
  while (lo < hi) {
    const mid = lo + 1 + hi >> 1;
    const re = endingAtLeast(m, mid);
    re.lastIndex = start;
    const t = re.exec(sb);
    if (t) {
      best = t;
      lo = t.index + t[0].length;
    } else hi = mid - 1;
  }
  return best;
}

// src/ucode/shim/stringify.ts
var NATIVE = /* @__PURE__ */ new WeakMap();
function jsonEscape(s2, quote2) {
  let out = quote2 ? '"' : "";
  let last = 0;
  for (let i = 0; i < s2.length; i++) {
    const c = s2.charCodeAt(i);
    if (c >= 32 && c !== 34 && c !== 92) continue;
    out += s2.slice(last, i);
    last = i + 1;
    switch (c) {
      case 34:
        out += '\\"';
        break;
      case 92:
        out += "\\\\";
        break;
      case 8:
        out += "\\b";
        break;
      case 12:
        out += "\\f";
        break;
      case 10:
        out += "\\n";
        break;
      case 13:
        out += "\\r";
        break;
      case 9:
        out += "\\t";
        break;
      default:
        out += "\\u" + c.toString(16).padStart(4, "0");
    }
  }
  out += s2.slice(last);
  return quote2 ? out + '"' : out;
}
function fnParams(fn) {
  let src = "";
  try {
    src = Function.prototype.toString.call(fn);
  } catch (e) {
  }
  const arrow = !/^(async\s+)?function\b/.test(src) && /=>/.test(src) && !/^[\w$]+\s*\([^)]*\)\s*\{/.test(src);
  let params = [];
  const m = /^[^(]*?\(([^)]*)\)/.exec(src) || /^\s*(?:async\s+)?([\w$]+)\s*=>/.exec(src);
  if (m) {
    params = m[1].split(",").map((p) => p.trim().replace(/\s*[=:].*$/, "")).filter((p) => p.length > 0);
  }
  return { arrow, params };
}
function fnRepr(fn, json2) {
  const q = json2 ? '"' : "";
  const native = NATIVE.get(fn);
  if (native !== void 0) return `${q}function ${native}(...) { [native code] }${q}`;
  const { arrow, params } = fnParams(fn);
  const name = fn.name && !arrow ? " " + fn.name : "";
  return `${q}${arrow ? "" : "function" + name}(${params.join(", ")})${arrow ? " =>" : ""} { ... }${q}`;
}
function padding(padChar, size) {
  if (padChar !== "\0" && padChar !== "") return "\n" + padChar.repeat(size);
  return " ";
}
function toStringFormatted(v, depth, padChar, padSize, marks) {
  const json2 = padChar !== "\0";
  if (typeof v === "object" && v !== null && marks.has(v)) return "null";
  if (typeof v === "object" && v !== null) {
    const pr = Object.getPrototypeOf(v);
    if (pr && pr !== Object.prototype && pr !== Array.prototype && Object.prototype.hasOwnProperty.call(pr, "tostring") && typeof pr.tostring === "function") {
      const s2 = pr.tostring.call(v);
      if (typeof s2 === "string") return json2 ? jsonEscape(s2, true) : s2;
      return json2 ? '""' : "";
    }
  }
  const t = ucTypeOf(v);
  switch (t) {
    case null:
      return "null";
    case "bool":
      return v ? "true" : "false";
    case "int":
      return intToString(v);
    case "double": {
      const d = v;
      if (Number.isNaN(d)) return json2 ? '"NaN"' : "NaN";
      if (d === Infinity) return json2 ? "1e309" : "Infinity";
      if (d === -Infinity) return json2 ? "-1e309" : "-Infinity";
      const s2 = fmtG14(d);
      return json2 && !/[.e]/.test(s2) ? s2 + ".0" : s2;
    }
    case "string":
      return json2 ? jsonEscape(v, true) : v;
    case "array": {
      const arr = v;
      marks.add(arr);
      let out = "[";
      const sub = padChar !== "\0" ? padChar : "";
      for (let i = 0; i < arr.length; i++) {
        if (i) out += ",";
        out += padding(padChar, (depth + 1) * padSize);
        out += toStringFormatted(arr[i], depth + 1, sub, padSize, marks);
      }
      out += padding(padChar, depth * padSize) + "]";
      marks.delete(arr);
      return out;
    }
    case "object": {
      const obj = v;
      marks.add(obj);
      let out = "{";
      const sub = padChar !== "\0" ? padChar : "";
      const ks = Object.keys(obj);
      for (let i = 0; i < ks.length; i++) {
        if (i) out += ",";
        out += padding(padChar, (depth + 1) * padSize);
        out += jsonEscape(ks[i], true) + ": ";
        out += toStringFormatted(obj[ks[i]], depth + 1, sub, padSize, marks);
      }
      out += padding(padChar, depth * padSize) + "}";
      marks.delete(obj);
      return out;
    }
    case "regexp": {
      const m = regexMeta(v);
      const q = json2 ? '"' : "";
      return q + "/" + jsonEscape(m.source, false) + "/" + (m.global ? "g" : "") + (m.icase ? "i" : "") + (m.newline ? "s" : "") + q;
    }
    case "function":
      return fnRepr(v, json2);
  }
  return "null";
}
function toStr(v) {
  return typeof v === "string" ? v : toStringFormatted(v, 0, "\0", 0, /* @__PURE__ */ new Set());
}
function toJson(v, padChar, padSize) {
  return toStringFormatted(v, 0, padChar === "\0" ? "" : padChar, padSize, /* @__PURE__ */ new Set());
}

// src/ucode/shim/io.ts
function nodeProcess() {
  const g = globalThis;
  return g.process && typeof g.process === "object" ? g.process : null;
}
var browserLine = { out: "", err: "" };
function consoleWrite(kind, bytes) {
  const text = decodeBytes(bytes);
  let buf = browserLine[kind] + text;
  let nl;
  while ((nl = buf.indexOf("\n")) >= 0) {
    const line = buf.slice(0, nl);
    if (kind === "out") console.log(line);
    else console.error(line);
    buf = buf.slice(nl + 1);
  }
  browserLine[kind] = buf;
}
var hooks = {
  stdout(bytes) {
    const p = nodeProcess();
    if (p && p.stdout && typeof p.stdout.write === "function") p.stdout.write(bytes);
    else consoleWrite("out", bytes);
  },
  stderr(bytes) {
    const p = nodeProcess();
    if (p && p.stderr && typeof p.stderr.write === "function") p.stderr.write(bytes);
    else consoleWrite("err", bytes);
  },
  exit(code) {
    const p = nodeProcess();
    if (p && typeof p.exit === "function") p.exit(code);
    throw new UcodeError("Exit", "Terminated");
  }
};
function print(...values2) {
  let s2 = "";
  for (const v of values2) if (v !== null && v !== void 0) s2 += toStr(v);
  const b = encodeBytes(s2);
  if (b.length) hooks.stdout(b);
  return b.length;
}
function warn(...values2) {
  let s2 = "";
  for (const v of values2) if (v !== null && v !== void 0) s2 += toStr(v);
  const b = encodeBytes(s2);
  if (b.length) hooks.stderr(b);
  return b.length;
}
function die(msg) {
  throw new UcodeError("Error", msg === null || msg === void 0 ? "Died" : toStr(msg));
}
function exit(code) {
  return hooks.exit(Number(BigInt.asIntN(32, toInteger(code))));
}
function assert(cond, msg) {
  if (!truish(cond)) throw new UcodeError("Error", msg === null || msg === void 0 ? "Assertion failed" : toStr(msg));
  return cond;
}
function getenv(name) {
  const p = nodeProcess();
  const env = p && p.env ? p.env : {};
  if (name === null || name === void 0) {
    const o = {};
    for (const k of Object.keys(env)) if (env[k] !== void 0) o[k] = env[k];
    return o;
  }
  if (typeof name === "string") {
    const v = env[name];
    return v === void 0 ? null : v;
  }
  return null;
}
function system(command, timeout) {
  if (timeout !== null && timeout !== void 0 && (ucTypeOf(timeout) !== "int" || Number(timeout) < 0))
    raise("Type error", "Invalid timeout specified");
  const p = nodeProcess();
  const cp = p && typeof p.getBuiltinModule === "function" ? p.getBuiltinModule("child_process") : null;
  if (!cp) raise("Runtime error", "system() is unsupported in shim (no child_process)");
  let file, args;
  if (typeof command === "string") {
    file = "/bin/sh";
    args = ["-c", command];
  } else if (isArr(command) && command.length) {
    file = toStr(command[0]);
    args = command.slice(1).map(toStr);
  } else raise("Type error", "Passed command is neither string nor array");
  const opts = { stdio: "inherit" };
  if (timeout) {
    opts.timeout = Number(timeout);
    opts.killSignal = "SIGKILL";
  }
  const r = cp.spawnSync(file, args, opts);
  if (r.error && r.status === null && !r.signal) return -1;
  if (r.signal) {
    const os = p.getBuiltinModule("os");
    return -(os && os.constants && os.constants.signals[r.signal] || 9);
  }
  return r.status;
}

// src/ucode/shim/format.ts
var F_ALT = 1;
var F_ZERO = 2;
var F_LEFT = 4;
var F_SPACE = 8;
var F_SIGN = 16;
var F_WIDTH = 32;
var F_PREC = 64;
function padField(body, width, flags, zeroOk, signLen, blen) {
  const len = blen === void 0 ? body.length : blen;
  if (!(flags & F_WIDTH) || len >= width) return body;
  const n = width - len;
  if (flags & F_LEFT) return body + " ".repeat(n);
  if (flags & F_ZERO && zeroOk) return body.slice(0, signLen) + "0".repeat(n) + body.slice(signLen);
  return " ".repeat(n) + body;
}
function formatInt(n, flags, width) {
  const sign = n < /* @__PURE__ */ BigInt("0") ? "-" : flags & F_SIGN ? "+" : flags & F_SPACE ? " " : "";
  const body = sign + (n < /* @__PURE__ */ BigInt("0") ? -n : n).toString();
  return padField(body, width, flags, true, sign.length);
}
function formatUint(u, conv, flags, width) {
  let digits, prefix = "";
  switch (conv) {
    case "o":
      digits = u.toString(8);
      if (flags & F_ALT && digits[0] !== "0") digits = "0" + digits;
      break;
    case "x":
      digits = u.toString(16);
      if (flags & F_ALT && u !== /* @__PURE__ */ BigInt("0")) prefix = "0x";
      break;
    case "X":
      digits = u.toString(16).toUpperCase();
      if (flags & F_ALT && u !== /* @__PURE__ */ BigInt("0")) prefix = "0X";
      break;
    default:
      digits = u.toString(10);
  }
  return padField(prefix + digits, width, flags, true, prefix.length);
}
function formatDouble(d, conv, flags, width, precision) {
  const upper = conv === "E" || conv === "F" || conv === "G";
  const neg = d < 0 || Object.is(d, -0);
  const sign = neg ? "-" : flags & F_SIGN ? "+" : flags & F_SPACE ? " " : "";
  const prec = flags & F_PREC ? precision : 6;
  const alt = !!(flags & F_ALT);
  const a = Math.abs(d);
  let body;
  if (Number.isNaN(d) || !Number.isFinite(d)) {
    body = Number.isNaN(d) ? "nan" : "inf";
    if (upper) body = body.toUpperCase();
    return padField(sign + body, width, flags, false, sign.length);
  }
  switch (conv) {
    case "f":
    case "F":
      body = fmtFixed(a, prec, alt);
      break;
    case "e":
    case "E":
      body = fmtExp(a, prec, alt, upper);
      break;
    default:
      body = fmtGeneral(a, prec, alt, upper);
  }
  return padField(sign + body, width, flags, true, sign.length);
}
function formatString(s2, flags, width, precision) {
  if (flags & F_PREC) {
    if (byteLength(s2) > precision) s2 = fromB(toB(s2).slice(0, precision));
  }
  return padField(s2, width, flags, false, 0, byteLength(s2));
}
function doPrintf(fmt, args) {
  const f = typeof fmt === "string" ? fmt : "";
  const argCount = args.length;
  let out = "";
  let argidx = 1;
  let last = 0;
  let p = 0;
  for (; p < f.length; p++) {
    if (f[p] !== "%") continue;
    out += f.slice(last, p);
    last = p++;
    let flags = 0, width = 0, precision = 0;
    let argpos = argidx;
    let parsePrecision = false;
    if (f[p] >= "1" && f[p] <= "9") {
      while (f[p] >= "0" && f[p] <= "9") width = width * 10 + (f.charCodeAt(p++) - 48);
      if (f[p] === "$") {
        argpos = width;
        width = 0;
        p++;
      } else {
        flags |= F_WIDTH;
        parsePrecision = true;
      }
    }
    if (!parsePrecision) {
      while (p < f.length && "#0- +".indexOf(f[p]) >= 0) {
        switch (f[p++]) {
          case "#":
            flags |= F_ALT;
            break;
          case "0":
            flags |= F_ZERO;
            break;
          case "-":
            flags |= F_LEFT;
            break;
          case " ":
            flags |= F_SPACE;
            break;
          case "+":
            flags |= F_SIGN;
            break;
        }
      }
      if (f[p] >= "1" && f[p] <= "9") {
        while (f[p] >= "0" && f[p] <= "9") width = width * 10 + (f.charCodeAt(p++) - 48);
        flags |= F_WIDTH;
      }
    }
    if (f[p] === ".") {
      p++;
      if (f[p] === "-") {
        p++;
        while (f[p] >= "0" && f[p] <= "9") p++;
      } else while (f[p] >= "0" && f[p] <= "9") precision = precision * 10 + (f.charCodeAt(p++) - 48);
      flags |= F_PREC;
    }
    const conv = f[p];
    let piece;
    const cur = argpos >= 1 && argpos <= argCount ? args[argpos - 1] : null;
    switch (conv) {
      case "d":
      case "i": {
        argidx++;
        const a = cur;
        if (typeof a === "number" && Number.isSafeInteger(a)) {
          const sign = a < 0 ? "-" : flags & F_SIGN ? "+" : flags & F_SPACE ? " " : "";
          piece = padField(sign + String(Math.abs(a)), width, flags & ~F_PREC, true, sign.length);
          break;
        }
        const nv = toNumV(a);
        let [n, err] = int64Get(nv);
        if (err === ERANGE) n = BigInt.asIntN(64, uint64Get(nv)[0]);
        piece = formatInt(n, flags & ~F_PREC, width);
        break;
      }
      case "o":
      case "u":
      case "x":
      case "X": {
        argidx++;
        const a = cur;
        if (typeof a === "number" && Number.isSafeInteger(a) && a >= 0) {
          piece = formatUint(BigInt(a), conv, flags & ~F_PREC, width);
          break;
        }
        const nv = toNumV(a);
        let [u, err] = uint64Get(nv);
        if (err === ERANGE) u = BigInt.asUintN(64, int64Get(nv)[0]);
        piece = formatUint(u, conv, flags & ~F_PREC, width);
        break;
      }
      case "e":
      case "E":
      case "f":
      case "F":
      case "g":
      case "G": {
        argidx++;
        piece = formatDouble(doubleGet(toNumV(cur)), conv, flags, width, precision);
        break;
      }
      case "c": {
        argidx++;
        const n = Number(BigInt.asUintN(8, toInteger(cur)));
        piece = padField(byteChar(n), width, flags & ~F_PREC, false, 0, 1);
        break;
      }
      case "s": {
        argidx++;
        const a = cur;
        if (a === null || a === void 0) piece = "(null)";
        else piece = formatString(toStr(a), flags & ~F_ZERO, width, precision);
        break;
      }
      case "J": {
        argidx++;
        let prec = precision;
        if (flags & F_PREC) {
          flags &= ~F_PREC;
          prec++;
        }
        const s2 = toJson(
          cur,
          prec > 0 ? prec > 1 ? " " : "	" : "\0",
          prec > 0 ? prec > 1 ? prec - 1 : 1 : 0
        );
        piece = formatString(s2, flags, width, 0);
        break;
      }
      case "%":
        piece = "%";
        break;
      case void 0:
        p--;
        continue;
      default:
        continue;
    }
    out += piece;
    last = p + 1;
  }
  out += f.slice(last);
  return out;
}
function printf(fmt, ...args) {
  const b = encodeBytes(doPrintf(fmt, args));
  if (b.length) hooks.stdout(b);
  return b.length;
}
function sprintf(fmt, ...args) {
  return doPrintf(fmt, args);
}

// src/ucode/shim/strings.ts
function length(x) {
  switch (ucTypeOf(x)) {
    case "object":
      return Object.keys(x).length;
    case "array":
      return x.length;
    case "string":
      return byteLength(x);
    default:
      return null;
  }
}
function indexCommon(stack, needle, right) {
  if (isArr(stack)) {
    if (right) {
      for (let i = stack.length; i > 0; i--) if (uniqEqual(stack[i - 1], needle)) return i - 1;
    } else {
      for (let i = 0; i < stack.length; i++) if (uniqEqual(stack[i], needle)) return i;
    }
    return -1;
  }
  if (typeof stack === "string") {
    if (typeof needle !== "string") return -1;
    const sb = toB(stack), nb = toB(needle);
    if (sb.length < nb.length) return -1;
    if (!right) return sb.indexOf(nb);
    const k = sb.lastIndexOf(nb);
    if (k === 0 && ucodeVersion !== "snapshot" && sb.length > nb.length && nb.length > 0) return -1;
    return k;
  }
  return null;
}
function index(stack, needle) {
  return indexCommon(stack, needle, false);
}
function rindex(stack, needle) {
  return indexCommon(stack, needle, true);
}
function reverse(v) {
  if (isArr(v)) {
    const res = [];
    for (let i = v.length; i > 0; i--) res.push(v[i - 1]);
    return res;
  }
  if (typeof v === "string") {
    if (isAscii(v)) return cutNul(v.split("").reverse().join(""));
    return cutNul(fromB(toB(v).split("").reverse().join("")));
  }
  return null;
}
function join(sep, arr) {
  if (!isArr(arr)) return null;
  const s2 = toStr(sep);
  let out = "";
  for (let i = 0; i < arr.length; i++) {
    if (i) out += s2;
    out += toStr(arr[i]);
  }
  return out;
}
function substr(str, ...rest) {
  if (typeof str !== "string") return null;
  const nargs = rest.length + 1;
  const sb = toB(str);
  const len = sb.length;
  let ofs = Number(toInteger(rest[0]));
  let sublen = Number(toInteger(rest[1]));
  if (nargs === 1) {
    ofs = 0;
    sublen = len;
  } else {
    if (ofs < 0) {
      ofs = len + ofs;
      if (ofs < 0) ofs = 0;
    } else if (ofs > len) ofs = len;
    if (nargs === 2) sublen = len - ofs;
    else if (sublen < 0) {
      sublen = len - ofs + sublen;
      if (sublen < 0) sublen = 0;
    } else if (sublen > len - ofs) sublen = len - ofs;
  }
  return fromB(sb.slice(ofs, ofs + sublen));
}
function trimCommon(str, chars, start, end) {
  if (typeof str !== "string" || chars !== null && chars !== void 0 && typeof chars !== "string") return null;
  const set = toB(typeof chars === "string" ? chars : " 	\r\n");
  const sb = toB(str);
  let a = 0, b = sb.length;
  if (start) while (a < b && sb[a] !== "\0" && set.indexOf(sb[a]) >= 0) a++;
  if (end) while (b > a && (sb[b - 1] === "\0" || set.indexOf(sb[b - 1]) >= 0)) b--;
  return fromB(sb.slice(a, b));
}
function trim(str, chars) {
  return trimCommon(str, chars, true, true);
}
function ltrim(str, chars) {
  return trimCommon(str, chars, true, false);
}
function rtrim(str, chars) {
  return trimCommon(str, chars, false, true);
}
function cutNul(s2) {
  const k = ucodeVersion === "snapshot" ? -1 : s2.indexOf("\0");
  return k < 0 ? s2 : s2.slice(0, k);
}
function uc(v) {
  return cutNul(toStr(v === void 0 ? null : v)).replace(/[a-z]+/g, (m) => m.toUpperCase());
}
function lc(v) {
  return cutNul(toStr(v === void 0 ? null : v)).replace(/[A-Z]+/g, (m) => m.toLowerCase());
}
function chr(...codes) {
  const bytes = [];
  for (const c of codes) {
    const n = toInteger(c);
    bytes.push(n < /* @__PURE__ */ BigInt("0") ? 0 : n > /* @__PURE__ */ BigInt("255") ? 255 : Number(n));
  }
  return decodeBytes(bytes);
}
function uchr(...codes) {
  let out = "";
  for (const c of codes) {
    const [n, err] = int64Get(toNumV(c));
    let cp = Number(n);
    if (err === EINVAL || err === ERANGE || n < /* @__PURE__ */ BigInt("0") || n > /* @__PURE__ */ BigInt("0x10ffff")) cp = 65533;
    if (cp >= 55296 && cp <= 57343) out += decodeBytes([224 | cp >> 12, 128 | cp >> 6 & 63, 128 | cp & 63]);
    else out += String.fromCodePoint(cp);
  }
  return out;
}
function ord(str, ...rest) {
  if (typeof str !== "string") return null;
  const sb = toB(str);
  let n = 0;
  if (rest.length) {
    const [v, err] = int64Get(rawNumV(rest[0]));
    if (err === EINVAL) return null;
    n = Number(v);
    if (n < 0) n += sb.length;
  }
  if (n < 0 || n >= sb.length) return null;
  const c = sb.charCodeAt(n);
  return c < 128 ? c : c - HIB;
}

// src/ucode/shim/arrays.ts
function push(arr, ...values2) {
  if (!isArr(arr)) return null;
  for (const v of values2) arr[arr.length] = v;
  return values2.length ? values2[values2.length - 1] : null;
}
function pop(arr) {
  if (!isArr(arr) || !arr.length) return null;
  const v = arr[arr.length - 1];
  arr.length--;
  return v === void 0 ? null : v;
}
function shift(arr) {
  if (!isArr(arr) || !arr.length) return null;
  const v = Array.prototype.shift.call(arr);
  return v === void 0 ? null : v;
}
function unshift(arr, ...values2) {
  if (!isArr(arr)) return null;
  Array.prototype.unshift.apply(arr, values2);
  return values2.length ? values2[values2.length - 1] : null;
}
function splice(arr, ...rest) {
  if (!isArr(arr)) return null;
  const nargs = rest.length + 1;
  const len = arr.length;
  let ofs = Number(toInteger(rest[0]));
  let remlen = Number(toInteger(rest[1]));
  let add = [];
  if (nargs === 1) {
    ofs = 0;
    remlen = len;
  } else {
    if (ofs < 0) {
      ofs = len + ofs;
      if (ofs < 0) ofs = 0;
    } else if (ofs > len) ofs = len;
    if (nargs === 2) remlen = len - ofs;
    else {
      if (remlen < 0) {
        remlen = len - ofs + remlen;
        if (remlen < 0) remlen = 0;
      } else if (remlen > len - ofs) remlen = len - ofs;
      add = rest.slice(2);
    }
  }
  Array.prototype.splice.apply(arr, [ofs, remlen].concat(add));
  return arr;
}
function slice(arr, start, end) {
  if (!isArr(arr)) return null;
  const len = arr.length;
  let off = start === null || start === void 0 ? 0 : Number(toInteger(start));
  let e = end === null || end === void 0 ? len : Number(toInteger(end));
  if (off < 0) {
    off = len + off;
    if (off < 0) off = 0;
  } else if (off > len) off = len;
  if (e < 0) {
    e = len + e;
    if (e < 0) e = 0;
  } else if (e > len) e = len;
  const res = [];
  while (off < e) res.push(arr[off++]);
  return res;
}
function uniq(arr) {
  if (!isArr(arr)) return null;
  const res = [];
  const seen = /* @__PURE__ */ new Set();
  let sawNaN = false;
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i] === void 0 ? null : arr[i];
    const key = typeof v === "bigint" ? Number(v) : v;
    if (typeof v === "number" && Number.isNaN(v)) {
      if (sawNaN) continue;
      sawNaN = true;
      res.push(v);
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    res.push(v);
  }
  return res;
}
function filter(arr, fn) {
  if (!isArr(arr)) return null;
  const res = [];
  for (let i = 0; i < arr.length; i++) {
    if (!isCallable(fn)) raise("Type error", "left-hand side is not a function");
    if (truish(fn(arr[i], i, arr))) res.push(arr[i]);
  }
  return res;
}
function map(arr, fn) {
  if (!isArr(arr)) return null;
  const res = [];
  for (let i = 0; i < arr.length; i++) {
    if (!isCallable(fn)) raise("Type error", "left-hand side is not a function");
    const r = fn(arr[i], i, arr);
    res.push(r === void 0 ? null : r);
  }
  return res;
}
function mergeSort(a, cmp) {
  if (a.length < 2) return a.slice();
  const mid = a.length >> 1;
  const l = mergeSort(a.slice(0, mid), cmp), r = mergeSort(a.slice(mid), cmp);
  const out = [];
  let i = 0, j = 0;
  while (i < l.length && j < r.length) out.push(cmp(l[i], r[j]) > 0 ? r[j++] : l[i++]);
  while (i < l.length) out.push(l[i++]);
  while (j < r.length) out.push(r[j++]);
  return out;
}
function defaultCmp(v1, v2) {
  const n1 = typeof v1 === "number" || typeof v1 === "bigint";
  const n2 = typeof v2 === "number" || typeof v2 === "bigint";
  if (n1 && n2) return ucCompare(v1, v2);
  return cmpBytes(toStr(v1), toStr(v2));
}
function cbResult(rv) {
  return ucCompare(rv, 0);
}
function sort(val, fn) {
  const cmpFn = fn === null || fn === void 0 ? null : fn;
  if (isArr(val)) {
    if (val.length <= 1) return val;
    const sorted = mergeSort(val.slice(), (a, b) => {
      if (!cmpFn) return defaultCmp(a, b);
      if (!isCallable(cmpFn)) raise("Type error", "left-hand side is not a function");
      return cbResult(cmpFn(a, b));
    });
    for (let i = 0; i < sorted.length; i++) val[i] = sorted[i];
    return val;
  }
  if (isObj(val)) {
    const ks = Object.keys(val);
    if (ks.length <= 1) return val;
    const entries = ks.map((k) => [k, val[k]]);
    const sorted = mergeSort(entries, (a, b) => {
      if (!cmpFn) return cmpBytes(a[0], b[0]);
      if (!isCallable(cmpFn)) raise("Type error", "left-hand side is not a function");
      return cbResult(cmpFn(a[0], b[0], a[1], b[1]));
    });
    for (const k of ks) delete val[k];
    for (const [k, v] of sorted) val[k] = v;
    return val;
  }
  return null;
}

// src/ucode/shim/objects.ts
function keys(obj) {
  return isObj(obj) ? Object.keys(obj) : null;
}
function values(obj) {
  if (!isObj(obj)) return null;
  return Object.keys(obj).map((k) => obj[k]);
}
function exists(obj, key) {
  if (!isObj(obj)) return false;
  return Object.prototype.hasOwnProperty.call(obj, toStr(key === void 0 ? null : key));
}
function proto(val, ...rest) {
  if (!rest.length) {
    if (!isObj(val) && !isArr(val)) return null;
    const p2 = Object.getPrototypeOf(val);
    return p2 === null || p2 === Object.prototype || p2 === Array.prototype ? null : p2;
  }
  const p = rest[0];
  if (!isObj(p) || !isObj(val) && !isArr(val)) raise("Type error", "Passed value is neither a prototype, resource or object");
  Object.setPrototypeOf(val, p);
  return val;
}

// src/ucode/shim/types.ts
function type(v) {
  return ucTypeOf(v);
}
function int(val, base) {
  if (typeof val === "string") {
    let b = 10;
    if (base !== null && base !== void 0) {
      const [bv, berr] = int64Get(rawNumV(base));
      if (berr === EINVAL) return NaN;
      b = Number(bv);
    }
    const r = cStrtol(val, 0, b);
    if (!r.ok) return NaN;
    if (!r.any) return NaN;
    const v = r.neg ? -r.v : r.v;
    if (v > INT64_MAX || v < INT64_MIN) return NaN;
    return Number(v);
  }
  const [n, err] = int64Get(toNumV(val));
  if (err === EINVAL || err === ERANGE) return NaN;
  return Number(n);
}
function hex(val) {
  if (typeof val !== "string" || !isXDigitC(val[0])) return NaN;
  const r = cStrtol(val, 0, 16);
  if (!r.any || r.end !== val.length) return NaN;
  const v = r.neg ? -r.v : r.v;
  return Number(v > INT64_MAX ? INT64_MAX : v);
}
function minMax(values2, wantLess) {
  let rv = null;
  let set = false;
  for (const v of values2) {
    const d = set ? ucCompare(v, rv) : 0;
    if (!set || (wantLess ? d === -1 : d === 1)) {
      set = true;
      rv = v;
    }
  }
  return rv === void 0 ? null : rv;
}
function min(...values2) {
  return minMax(values2, true);
}
function max(...values2) {
  return minMax(values2, false);
}

// src/ucode/shim/regex.ts
function split(str, sep, limit) {
  if (sep === null || sep === void 0 || typeof str !== "string") return null;
  let lim = limit === null || limit === void 0 ? Infinity : Number(uint64Get(rawNumV(limit))[0]);
  const res = [];
  if (lim === 0) return res;
  if (isRegExp(sep)) {
    const m = regexMeta(sep);
    const sb = toB(str);
    let pos = 0;
    while (lim > 1) {
      const r = execAt(m, sb, pos);
      if (!r) break;
      if (r[0].length) {
        res.push(fromB(sb.slice(pos, r.index)));
        pos = r.index + r[0].length;
      } else if (pos < sb.length) {
        res.push(fromB(sb.slice(pos, pos + 1)));
        pos++;
      } else return res;
      lim--;
    }
    res.push(fromB(sb.slice(pos)));
    return res;
  }
  if (typeof sep === "string") {
    const sb = toB(str), pb = toB(sep);
    if (!sb.length) {
      res.push("");
      return res;
    }
    if (!pb.length) {
      let p = 0;
      while (lim > 1 && p < sb.length) {
        res.push(fromB(sb[p++]));
        lim--;
      }
      if (p < sb.length) res.push(fromB(sb.slice(p)));
      return res;
    }
    let start = 0;
    while (lim > 1) {
      const k = sb.indexOf(pb, start);
      if (k < 0) break;
      res.push(fromB(sb.slice(start, k)));
      start = k + pb.length;
      lim--;
    }
    res.push(fromB(sb.slice(start)));
    return res;
  }
  return null;
}
function matchArray(r, nsub) {
  const arr = [];
  for (let k = 0; k <= nsub; k++) arr.push(r[k] === void 0 ? null : fromB(r[k]));
  return arr;
}
function match(subject, pattern) {
  if (!isRegExp(pattern) || subject === null || subject === void 0) return null;
  const m = regexMeta(pattern);
  const sb = toB(toStr(subject));
  if (!m.global) {
    const r = execAt(m, sb, 0);
    return r ? matchArray(r, m.nsub) : null;
  }
  let rv = null;
  let pos = 0;
  for (; ; ) {
    const r = execAt(m, sb, pos);
    if (!r) break;
    (rv || (rv = [])).push(matchArray(r, m.nsub));
    if (r[0].length) pos = r.index + r[0].length;
    else if (pos < sb.length) pos++;
    else break;
  }
  return rv;
}
function replaceStr(repl, subject, so, eo, groups) {
  const r = toB(repl);
  let out = "";
  for (let k = 0; k < r.length; k++) {
    const c = r[k];
    if (c !== "$" || k + 1 >= r.length) {
      out += c;
      continue;
    }
    const e = r[++k];
    switch (e) {
      case "&":
        out += subject.slice(so, eo);
        break;
      case "`":
        out += subject.slice(0, so);
        break;
      case "'":
        out += subject.slice(eo);
        break;
      case "$":
        out += "$";
        break;
      default:
        if (e >= "1" && e <= "9") {
          const g = e.charCodeAt(0) - 48;
          if (g < groups.length && groups[g] !== void 0) out += groups[g];
          else out += "$" + e;
        } else out += "$" + e;
    }
  }
  return out;
}
function replacement(repl, sub, so, eo, groups) {
  if (isCallable(repl)) {
    const args = [];
    for (const g of groups) args.push(g === void 0 ? null : fromB(g));
    return toB(toStr(repl.apply(null, args)));
  }
  return replaceStr(toStr(repl), sub, so, eo, groups);
}
function replace(subject, pattern, repl, limit) {
  if (pattern === null || pattern === void 0 || subject === null || subject === void 0 || repl === null || repl === void 0) return null;
  const sb = toB(toStr(subject));
  let lim = limit === null || limit === void 0 ? Infinity : Number(uint64Get(rawNumV(limit))[0]);
  let out = "";
  if (isRegExp(pattern)) {
    const m = regexMeta(pattern);
    let p2 = 0;
    while (lim > 0) {
      const r = execAt(m, sb, p2);
      if (!r) break;
      out += sb.slice(p2, r.index);
      const groups = [];
      for (let k = 0; k <= m.nsub; k++) groups.push(r[k]);
      out += replacement(repl, sb.slice(p2), r.index - p2, r.index - p2 + r[0].length, groups);
      if (r[0].length) p2 = r.index + r[0].length;
      else if (p2 < sb.length) {
        out += sb[p2];
        p2++;
      } else break;
      if (!m.global) break;
      lim--;
    }
    out += sb.slice(p2);
    return fromB(out);
  }
  const pt = toB(toStr(pattern));
  const pl = pt.length;
  let l = 0, p = 0;
  while (lim > 0) {
    if (pl === 0 || sb.startsWith(pt, p)) {
      out += sb.slice(l, p);
      out += replacement(repl, sb.slice(l), p - l, p - l + pl, [pt]);
      if (pl) {
        l = p + pl;
        p += pl - 1;
      } else l = p;
      lim--;
    }
    if (p++ >= sb.length) break;
  }
  out += sb.slice(l);
  return fromB(out);
}
function regexp(source, flags) {
  let icase = false, newline = false, global = false;
  if (flags !== null && flags !== void 0) {
    if (typeof flags !== "string") raise("Type error", "Given flags argument is not a string");
    for (const f of flags) {
      if (f === "i") icase = true;
      else if (f === "s") newline = true;
      else if (f === "g") global = true;
      else raise("Type error", `Unrecognized flag character '${f}'`);
    }
  }
  const src = toStr(source === void 0 ? null : source);
  const m = compileMeta(src, global, icase, newline);
  const handle = new RegExp(m.js.source, (global ? "g" : "") + (icase ? "i" : ""));
  META.set(handle, m);
  return handle;
}

// src/ucode/shim/wildcard.ts
function fnmatchToRegExp(pattern, icase) {
  const p = toB(pattern);
  let out = "";
  for (let i = 0; i < p.length; ) {
    const c = p[i];
    if (c === "*") {
      out += "[\\s\\S]*";
      i++;
    } else if (c === "?") {
      out += "[\\s\\S]";
      i++;
    } else if (c === "[") {
      try {
        const [cls, next] = translateBracket(p, i + 1, false, true);
        out += cls;
        i = next;
      } catch (e) {
        out += "\\[";
        i++;
      }
    } else if (c === "\\" && i + 1 < p.length) {
      out += hex4(p.charCodeAt(i + 1));
      i += 2;
    } else {
      out += hex4(p.charCodeAt(i));
      i++;
    }
  }
  return new RegExp("^(?:" + out + ")$", icase ? "i" : "");
}
function wildcard(subject, pattern, icase) {
  if (subject === null || subject === void 0 || typeof pattern !== "string") return null;
  let re;
  try {
    re = fnmatchToRegExp(pattern, truish(icase));
  } catch (e) {
    return false;
  }
  return re.test(toB(toStr(subject)));
}

// src/ucode/shim/json.ts
var JErr = class {
  constructor(msg, eof) {
    this.msg = msg;
    this.eof = eof;
  }
};
function parseJsonText(text) {
  const s2 = text;
  let i = 0;
  const MAXDEPTH = 32;
  const fail = (msg) => {
    throw new JErr(msg, i >= s2.length);
  };
  const eof = () => {
    throw new JErr("unexpected end of data", true);
  };
  const ws = (final) => {
    for (; ; ) {
      const c = s2[i];
      if (c === " " || c === "	" || c === "\n" || c === "\r") {
        i++;
        continue;
      }
      if (c === "/") {
        if (s2[i + 1] === "*") {
          const e = s2.indexOf("*/", i + 2);
          if (e < 0) {
            i = s2.length;
            if (final) return;
            eof();
          }
          i = e + 2;
          continue;
        }
        if (s2[i + 1] === "/") {
          const e = s2.indexOf("\n", i + 2);
          if (e < 0) {
            i = s2.length;
            return;
          }
          i = e + 1;
          continue;
        }
        i++;
        fail("expected comment");
      }
      return;
    }
  };
  const word = (w, errMsg) => {
    for (let k = 0; k < w.length; k++, i++) {
      if (i >= s2.length) eof();
      if (s2[i].toLowerCase() !== w[k].toLowerCase()) fail(errMsg);
    }
  };
  const str = (q) => {
    i++;
    let out = "";
    for (; ; ) {
      if (i >= s2.length) eof();
      const c = s2[i++];
      if (c === q) return out;
      if (c !== "\\") {
        out += c;
        continue;
      }
      if (i >= s2.length) eof();
      const e = s2[i++];
      switch (e) {
        case '"':
        case "\\":
        case "/":
          out += e;
          break;
        case "b":
          out += "\b";
          break;
        case "n":
          out += "\n";
          break;
        case "r":
          out += "\r";
          break;
        case "t":
          out += "	";
          break;
        case "f":
          out += "\f";
          break;
        case "u": {
          const hex2 = () => {
            let v = 0;
            for (let k = 0; k < 4; k++) {
              if (i >= s2.length) eof();
              if (!isXDigitC(s2[i])) fail("invalid string sequence");
              v = v * 16 + digitVal(s2[i++]);
            }
            return v;
          };
          let cp = hex2();
          if ((cp & 64512) === 55296) {
            if (s2[i] === "\\" && s2[i + 1] === "u") {
              i += 2;
              const lo = hex2();
              if ((lo & 64512) === 56320) cp = 65536 + ((cp & 1023) << 10) + (lo & 1023);
              else {
                out += "�";
                cp = (lo & 64512) === 55296 ? 65533 : lo;
              }
            } else cp = 65533;
          } else if ((cp & 64512) === 56320) cp = 65533;
          out += String.fromCodePoint(cp);
          break;
        }
        default:
          fail("invalid string sequence");
      }
    }
  };
  const num = (depth) => {
    const start = i;
    let isDouble = false, isExp = false, negOk = true, posOk = false;
    while (i < s2.length) {
      const c2 = s2[i];
      if (c2 >= "0" && c2 <= "9" || !isExp && (c2 === "e" || c2 === "E") || negOk && c2 === "-" || posOk && c2 === "+" || !isDouble && c2 === ".") {
        negOk = posOk = false;
        if (c2 === ".") {
          isDouble = true;
          negOk = posOk = true;
        } else if (c2 === "e" || c2 === "E") {
          isExp = true;
          isDouble = true;
          negOk = posOk = true;
        }
        i++;
        continue;
      }
      break;
    }
    const c = s2[i];
    if (c === void 0 && depth > 0) eof();
    if (depth > 0 && c !== void 0 && c !== "," && c !== "]" && c !== "}" && c !== "/" && c !== "I" && c !== "i" && c !== " " && c !== "	" && c !== "\n" && c !== "\r")
      fail("number expected");
    let t = s2.slice(start, i);
    if (t === "-" && (c === "I" || c === "i")) {
      word("infinity", "unexpected character");
      return -Infinity;
    }
    if (isDouble) {
      while (t.length > 1 && /[eE+-]$/.test(t)) t = t.slice(0, -1);
      const m = /^-?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)$/.exec(t);
      if (!m) fail("number expected");
      return parseFloat(t);
    }
    if (!/^-?\d+$/.test(t)) {
      if (c === void 0) eof();
      fail("number expected");
    }
    let v = BigInt(t);
    if (v > UINT64_MAX) v = t[0] === "-" ? INT64_MIN : UINT64_MAX;
    else if (v < INT64_MIN) v = INT64_MIN;
    return Number(v);
  };
  const value = (depth) => {
    ws();
    if (i >= s2.length) eof();
    const c = s2[i];
    switch (c) {
      case "{": {
        i++;
        const obj = {};
        for (; ; ) {
          ws();
          if (i >= s2.length) eof();
          if (s2[i] === "}") {
            i++;
            return obj;
          }
          if (s2[i] !== '"' && s2[i] !== "'") fail("quoted object property name expected");
          const key = str(s2[i]);
          ws();
          if (i >= s2.length) eof();
          if (s2[i] !== ":") fail("object property name separator ':' expected");
          i++;
          if (depth >= MAXDEPTH - 1) fail("nesting too deep");
          const v = value(depth + 1);
          if (key === "__proto__") Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
          else obj[key] = v;
          ws();
          if (i >= s2.length) eof();
          if (s2[i] === "}") {
            i++;
            return obj;
          }
          if (s2[i] !== ",") fail("object value separator ',' expected");
          i++;
        }
      }
      case "[": {
        i++;
        const arr = [];
        for (; ; ) {
          ws();
          if (i >= s2.length) eof();
          if (s2[i] === "]") {
            i++;
            return arr;
          }
          if (depth >= MAXDEPTH - 1) fail("nesting too deep");
          arr.push(value(depth + 1));
          ws();
          if (i >= s2.length) eof();
          if (s2[i] === "]") {
            i++;
            return arr;
          }
          if (s2[i] !== ",") fail("array value separator ',' expected");
          i++;
        }
      }
      case '"':
      case "'":
        return str(c);
      case "t":
      case "T":
        word("true", "boolean expected");
        return true;
      case "f":
      case "F":
        word("false", "boolean expected");
        return false;
      case "n":
      case "N": {
        if ((s2[i + 1] || "").toLowerCase() === "a") {
          word("nan", "null expected");
          return NaN;
        }
        word("null", "null expected");
        return null;
      }
      case "i":
      case "I":
        word("infinity", "unexpected character");
        return Infinity;
      default:
        if (c === "-" || c >= "0" && c <= "9") return num(depth);
        fail("unexpected character");
    }
    return null;
  };
  let result;
  try {
    result = value(0);
    ws(true);
  } catch (e) {
    if (e instanceof JErr) {
      if (e.eof) raise("Syntax error", "Failed to parse JSON string: unexpected end of data");
      raise("Syntax error", "Failed to parse JSON string: " + e.msg);
    }
    throw e;
  }
  for (; i < s2.length; i++) if (!isSpaceC(s2[i])) raise("Syntax error", "Trailing garbage after JSON data");
  return result;
}
function json(src) {
  if (typeof src === "string") return parseJsonText(src);
  if (isObj(src) || isArr(src)) {
    const rfn = src.read;
    if (!isCallable(rfn)) raise("Type error", "Input object does not implement read() method");
    let text = "";
    for (; ; ) {
      const chunk = rfn.call(src, 1024);
      if (chunk === null || chunk === void 0 || chunk === "") break;
      text += typeof chunk === "string" ? chunk : toStringFormatted(chunk, 0, "\0", 0, /* @__PURE__ */ new Set());
    }
    return parseJsonText(text);
  }
  raise("Type error", "Passed value is neither a string nor an object");
}

// src/ucode/shim/encoding.ts
var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function b64enc(str) {
  if (typeof str !== "string") return null;
  const b = encodeBytes(str);
  let out = "";
  let i = 0;
  for (; i + 2 < b.length; i += 3) {
    out += B64[b[i] >> 2] + B64[(b[i] & 3) << 4 | b[i + 1] >> 4] + B64[(b[i + 1] & 15) << 2 | b[i + 2] >> 6] + B64[b[i + 2] & 63];
  }
  const rem = b.length - i;
  if (rem) {
    const b0 = b[i], b1 = rem > 1 ? b[i + 1] : 0;
    out += B64[b0 >> 2] + B64[(b0 & 3) << 4 | b1 >> 4] + (rem === 1 ? "=" : B64[(b1 & 15) << 2]) + "=";
  }
  return out;
}
function b64dec(str) {
  if (typeof str !== "string") return null;
  const src = toB(str);
  const out = [];
  let state = 0, i = 0, cur = 0;
  let ch = "";
  for (; i < src.length; i++) {
    ch = src[i];
    if (ch === "\0") break;
    if (isSpaceC(ch)) continue;
    if (ch === "=") break;
    const val = B64.indexOf(ch);
    if (val < 0 || ch.length !== 1) return null;
    switch (state) {
      case 0:
        cur = val << 2;
        state = 1;
        break;
      case 1:
        out.push((cur | val >> 4) & 255);
        cur = (val & 15) << 4;
        state = 2;
        break;
      case 2:
        out.push((cur | val >> 2) & 255);
        cur = (val & 3) << 6;
        state = 3;
        break;
      case 3:
        out.push((cur | val) & 255);
        cur = 0;
        state = 0;
        break;
    }
  }
  if (ch === "=" && i < src.length) {
    i++;
    if (state === 0 || state === 1) return null;
    if (state === 2) {
      while (i < src.length && isSpaceC(src[i])) i++;
      if (src[i] !== "=") return null;
      i++;
    }
    for (; i < src.length; i++) if (!isSpaceC(src[i])) return null;
    if ((cur & 255) !== 0) return null;
  } else if (state !== 0) return null;
  return decodeBytes(out);
}
function hexenc(input) {
  if (input === null || input === void 0) return null;
  const b = encodeBytes(toStr(input));
  let out = "";
  for (let i = 0; i < b.length; i++) out += (b[i] < 16 ? "0" : "") + b[i].toString(16);
  return out;
}
function hexdec(input, skip) {
  if (typeof input !== "string") return null;
  if (skip !== null && skip !== void 0 && typeof skip !== "string") return null;
  const s2 = toB(input);
  const sk = toB(typeof skip === "string" ? skip : " 	\n");
  let digits = "";
  for (let i = 0; i < s2.length; i++) {
    if (isXDigitC(s2[i])) digits += s2[i];
    else if (s2[i] === "\0" || sk.indexOf(s2[i]) < 0) return null;
  }
  if (digits.length & 1) return null;
  const out = [];
  for (let i = 0; i < digits.length; i += 2) out.push(parseInt(digits.slice(i, i + 2), 16));
  return decodeBytes(out);
}

// src/ucode/shim/ip.ts
function pton4(s2) {
  const parts = s2.split(".");
  if (parts.length !== 4) return null;
  const out = [];
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p) || p.length > 1 && p[0] === "0") return null;
    const v = Number(p);
    if (v > 255) return null;
    out.push(v);
  }
  return out;
}
function pton6(s2) {
  if (!/^[0-9a-fA-F:.]+$/.test(s2)) return null;
  let v4 = null;
  let str = s2;
  if (s2.indexOf(".") >= 0) {
    const lc2 = s2.lastIndexOf(":");
    if (lc2 < 0) return null;
    v4 = pton4(s2.slice(lc2 + 1));
    if (!v4) return null;
    str = s2.slice(0, lc2 + 1) + "0:0";
    if (lc2 > 0 && s2[lc2 - 1] !== ":" && str.split(":").length - 1 < 7 && str.indexOf("::") < 0) return null;
  }
  const dbl = str.indexOf("::");
  if (dbl >= 0 && str.indexOf("::", dbl + 1) >= 0) return null;
  let head, tail;
  if (dbl >= 0) {
    head = dbl > 0 ? str.slice(0, dbl).split(":") : [];
    tail = dbl + 2 < str.length ? str.slice(dbl + 2).split(":") : [];
    if (head.length + tail.length > 7) return null;
  } else {
    head = str.split(":");
    tail = [];
    if (head.length !== 8) return null;
  }
  const words2 = [];
  for (const g of head.concat(tail)) if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
  for (const g of head) words2.push(parseInt(g, 16));
  for (let k = head.length + tail.length; k < 8; k++) words2.push(0);
  for (const g of tail) words2.push(parseInt(g, 16));
  const bytes = [];
  for (const w of words2) bytes.push(w >> 8, w & 255);
  if (v4) bytes.splice(12, 4, v4[0], v4[1], v4[2], v4[3]);
  return bytes;
}
function ntop6(b) {
  const w = [];
  for (let i = 0; i < 16; i += 2) w.push(b[i] * 256 + b[i + 1]);
  if (libcFlavor === "glibc") {
    let best2 = -1, bestLen = 0, cur = -1, curLen = 0;
    for (let i = 0; i < 8; i++) {
      if (w[i] === 0) {
        if (cur < 0) {
          cur = i;
          curLen = 1;
        } else curLen++;
        if (curLen > bestLen) {
          best2 = cur;
          bestLen = curLen;
        }
      } else cur = -1;
    }
    if (bestLen < 2) best2 = -1;
    let out = "";
    for (let i = 0; i < 8; i++) {
      if (best2 >= 0 && i >= best2 && i < best2 + bestLen) {
        if (i === best2) out += ":";
        continue;
      }
      if (i) out += ":";
      if (i === 6 && best2 === 0 && (bestLen === 6 || bestLen === 5 && w[5] === 65535)) {
        out += b.slice(12).join(".");
        break;
      }
      out += w[i].toString(16);
    }
    if (best2 >= 0 && best2 + bestLen === 8) out += ":";
    return out;
  }
  let buf;
  if (b.slice(0, 10).every((x) => x === 0) && b[10] === 255 && b[11] === 255)
    buf = w.slice(0, 6).map((x) => x.toString(16)).join(":") + ":" + b.slice(12).join(".");
  else
    buf = w.map((x) => x.toString(16)).join(":");
  let best = 0, max2 = 2;
  for (let i = 0; i < buf.length; i++) {
    if (i && buf[i] !== ":") continue;
    let j = 0;
    while (i + j < buf.length && (buf[i + j] === ":" || buf[i + j] === "0")) j++;
    if (j > max2 + (best === 0 ? 1 : 0)) {
      best = i;
      max2 = j;
    }
  }
  if (max2 > 3) buf = buf.slice(0, best) + "::" + buf.slice(best + max2);
  return buf;
}
function iptoarr(ip) {
  if (typeof ip !== "string") return null;
  return pton6(ip) || pton4(ip);
}
function arrtoip(arr) {
  if (!isArr(arr) || arr.length !== 4 && arr.length !== 16) return null;
  const b = [];
  for (const v of arr) {
    if (ucTypeOf(v) !== "int") return null;
    const n = Number(v);
    if (n < 0 || n > 255) return null;
    b.push(n);
  }
  return arr.length === 4 ? b.join(".") : ntop6(b);
}

// src/ucode/shim/time.ts
function time() {
  return Math.floor(Date.now() / 1e3);
}
function clock(monotonic) {
  if (truish(monotonic)) {
    const p = nodeProcess();
    if (p && p.hrtime && typeof p.hrtime.bigint === "function") {
      const ns = p.hrtime.bigint();
      return [Number(ns / /* @__PURE__ */ BigInt("1000000000")), Number(ns % /* @__PURE__ */ BigInt("1000000000"))];
    }
    const g = globalThis;
    const ms2 = g.performance && typeof g.performance.now === "function" ? g.performance.now() : Date.now();
    return [Math.floor(ms2 / 1e3), Math.floor(ms2 % 1e3 * 1e6)];
  }
  const ms = Date.now();
  return [Math.floor(ms / 1e3), ms % 1e3 * 1e6];
}
function stdOffset(year) {
  const jan = new Date(year, 0, 1).getTimezoneOffset();
  const jul = new Date(year, 6, 1).getTimezoneOffset();
  return Math.max(jan, jul);
}
function dstOffset(year) {
  const jan = new Date(year, 0, 1).getTimezoneOffset();
  const jul = new Date(year, 6, 1).getTimezoneOffset();
  if (jan === jul) return libcFlavor === "glibc" ? jan - 60 : jan;
  return Math.min(jan, jul);
}
function gettime(ts, local) {
  const t = ts === null || ts === void 0 ? time() : Number(toInteger(ts));
  const d = new Date(t * 1e3);
  if (Number.isNaN(d.getTime())) return null;
  const year = local ? d.getFullYear() : d.getUTCFullYear();
  const mon = local ? d.getMonth() : d.getUTCMonth();
  const mday = local ? d.getDate() : d.getUTCDate();
  const ydayMs = Date.UTC(year, mon, mday) - Date.UTC(year, 0, 1);
  const wday = local ? d.getDay() : d.getUTCDay();
  return {
    sec: local ? d.getSeconds() : d.getUTCSeconds(),
    min: local ? d.getMinutes() : d.getUTCMinutes(),
    hour: local ? d.getHours() : d.getUTCHours(),
    mday,
    mon: mon + 1,
    year,
    wday: wday ? wday : 7,
    yday: Math.round(ydayMs / 864e5) + 1,
    isdst: local && d.getTimezoneOffset() < stdOffset(year) ? 1 : 0
  };
}
function localtime(ts) {
  return gettime(ts, true);
}
function gmtime(ts) {
  return gettime(ts, false);
}
function mktime(spec, local) {
  if (!isObj(spec)) return null;
  for (const f of ["mday", "mon", "year"]) if (!Object.prototype.hasOwnProperty.call(spec, f)) return null;
  const get = (f) => Number(BigInt.asIntN(32, toInteger(spec[f] === void 0 ? null : spec[f])));
  let mon = get("mon");
  let year = get("year");
  if (mon > 0) mon--;
  if (year < 1900) year += 1900;
  const isdst = get("isdst");
  const d = /* @__PURE__ */ new Date(0);
  d.setUTCFullYear(year, mon, get("mday"));
  d.setUTCHours(get("hour"), get("min"), get("sec"), 0);
  let t = d.getTime() / 1e3;
  if (Number.isNaN(t)) return null;
  if (local) {
    if (isdst < 0) {
      const ld = /* @__PURE__ */ new Date(0);
      ld.setFullYear(year, mon, get("mday"));
      ld.setHours(get("hour"), get("min"), get("sec"), 0);
      t = ld.getTime() / 1e3;
    } else {
      const off = isdst > 0 ? dstOffset(year) : stdOffset(year);
      t += off * 60;
    }
  }
  return t === -1 ? null : Math.floor(t);
}
function timelocal(spec) {
  return mktime(spec, true);
}
function timegm(spec) {
  return mktime(spec, false);
}
function sleep(ms) {
  const [n, err] = int64Get(toNumV(ms));
  if (err !== EOK || n <= /* @__PURE__ */ BigInt("0")) return false;
  const dur = Number(n);
  const g = globalThis;
  try {
    const sab = new g.SharedArrayBuffer(4);
    g.Atomics.wait(new Int32Array(sab), 0, 0, dur);
  } catch (e) {
    const end = Date.now() + dur;
    while (Date.now() < end) {
    }
  }
  return true;
}

// src/ucode/shim/functions.ts
function call(fn, ctx, scope, ...args) {
  if (!isCallable(fn)) return null;
  if (scope !== null && scope !== void 0) {
    if (!isObj(scope)) return null;
    raise("Runtime error", "call() with a scope object is unsupported in shim");
  }
  const r = fn.apply(ctx === void 0 ? null : ctx, args);
  return r === void 0 ? null : r;
}
function loadstring() {
  raise("Runtime error", "loadstring() is unsupported in shim");
}

// src/ucode/shim.ts
var builtins = {
  print,
  printf,
  sprintf,
  warn,
  length,
  index,
  rindex,
  push,
  pop,
  shift,
  unshift,
  splice,
  slice,
  reverse,
  uniq,
  filter,
  map,
  sort,
  join,
  split,
  substr,
  trim,
  ltrim,
  rtrim,
  uc,
  lc,
  chr,
  uchr,
  ord,
  keys,
  values,
  exists,
  proto,
  type,
  int,
  hex,
  min,
  max,
  match,
  replace,
  regexp,
  wildcard,
  json,
  b64enc,
  b64dec,
  hexenc,
  hexdec,
  iptoarr,
  arrtoip,
  time,
  clock,
  localtime,
  gmtime,
  timelocal,
  timegm,
  sleep,
  die,
  exit,
  assert,
  getenv,
  system,
  call,
  loadstring
};
for (const name of Object.keys(builtins)) NATIVE.set(builtins[name], name);
function install(target = globalThis, argv = []) {
  const t = target;
  for (const name of Object.keys(builtins)) t[name] = builtins[name];
  t.ARGV = argv;
}
var internals = { toStr, toJson, fmtG14, ucCompare, parseUcNumber, lexRegexLiteral, translateEre };

// src/core/ip.ts
var PREFIX_LEN = /^(0|[1-9][0-9]{0,2})$/;
var V4_RE = /^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$/;
var V6_RE = /^[0-9a-fA-F:.]+$/;
function parseAddress(s2) {
  if (type(s2) !== "string") return null;
  if (match(s2, V4_RE)) {
    const parts = split(s2, ".");
    for (let i = 0; i < 4; i++)
      if (length(parts[i]) > 1 && substr(parts[i], 0, 1) === "0") return null;
    const b = iptoarr(s2);
    return b ? { family: 4, bytes: b } : null;
  }
  if (index(s2, ":") >= 0 && match(s2, V6_RE)) {
    const b = iptoarr(s2);
    return b && length(b) === 16 ? { family: 6, bytes: b } : null;
  }
  return null;
}
function maskBytes(bytes, len) {
  const out = [];
  for (let i = 0; i < length(bytes); i++) {
    const bits = len - i * 8;
    if (bits >= 8) push(out, bytes[i]);
    else if (bits <= 0) push(out, 0);
    else push(out, bytes[i] & (255 << 8 - bits & 255));
  }
  return out;
}
function sameBytes(a, b) {
  if (length(a) !== length(b)) return false;
  for (let i = 0; i < length(a); i++) if (a[i] !== b[i]) return false;
  return true;
}
function parsePrefix(s2) {
  if (type(s2) !== "string" || s2 === "") return "is empty";
  const parts = split(s2, "/");
  if (length(parts) > 2) return `"${s2}" is not an address or prefix`;
  const a = parseAddress(parts[0]);
  if (!a) return `"${s2}" is not an IPv4/IPv6 address or prefix`;
  const max2 = a.family === 4 ? 32 : 128;
  let len = max2;
  if (length(parts) === 2) {
    if (!match(parts[1], PREFIX_LEN)) return `"${s2}" has a bad prefix length`;
    len = int(parts[1]);
    if (len > max2) return `"${s2}": prefix length exceeds ${max2}`;
  }
  const net = len === max2 ? a.bytes : maskBytes(a.bytes, len);
  if (len !== max2 && !sameBytes(net, a.bytes)) return `"${s2}" has host bits set (did you mean ${arrtoip(net)}/${len}?)`;
  const addr = arrtoip(net);
  return { family: a.family, bytes: net, len, text: len === max2 ? addr : `${addr}/${len}`, host: len === max2 };
}
function parseInterfaceAddress(s2) {
  if (type(s2) !== "string" || s2 === "") return "is empty";
  const parts = split(s2, "/");
  const a = length(parts) <= 2 ? parseAddress(parts[0]) : null;
  if (!a) return `"${s2}" is not an address/prefix`;
  const max2 = a.family === 4 ? 32 : 128;
  let len = max2;
  if (length(parts) === 2) {
    if (!match(parts[1], PREFIX_LEN) || int(parts[1]) > max2) return `"${s2}" has a bad prefix length`;
    len = int(parts[1]);
  }
  return { family: a.family, bytes: a.bytes, len, address: arrtoip(a.bytes) };
}
function prefixContains(p, bytes) {
  return length(p.bytes) === length(bytes) && sameBytes(maskBytes(bytes, p.len), p.bytes);
}
function prefixesOverlap(a, b) {
  if (a.family !== b.family) return false;
  const len = a.len < b.len ? a.len : b.len;
  return sameBytes(maskBytes(a.bytes, len), maskBytes(b.bytes, len));
}
function interfaceNetwork(s2) {
  const a = parseInterfaceAddress(s2);
  if (type(a) === "string") return null;
  const ia = a;
  const net = maskBytes(ia.bytes, ia.len);
  const max2 = ia.family === 4 ? 32 : 128;
  const addr = arrtoip(net);
  return { family: ia.family, bytes: net, len: ia.len, text: ia.len === max2 ? addr : `${addr}/${ia.len}`, host: ia.len === max2 };
}
function badIpAddress(v) {
  const p = parsePrefix(v);
  return type(p) === "string" || !p.host ? `"${v}" is not an IP address` : null;
}

// src/core/decide.ts
function upstreamByName(cfg, name) {
  for (let i = 0; i < length(cfg.upstreams); i++)
    if (cfg.upstreams[i].name === name) return cfg.upstreams[i];
  return null;
}
function verdictOf(cfg, c, rule2, down) {
  var _a;
  const action = rule2 ? rule2.action : c.defaultAction;
  if (action !== "proxy") return { action, upstream: null, wanted: null, note: null };
  const name = (_a = rule2 ? rule2.upstream : null) != null ? _a : c.upstream;
  const u = upstreamByName(cfg, name);
  const ks = cfg.globals.killSwitch;
  if (!u || !u.enabled) {
    const why2 = `upstream ${name} is disabled`;
    return ks ? { action: "block", upstream: null, wanted: name, note: `${why2}; kill switch blocks` } : { action: "direct", upstream: null, wanted: name, note: `${why2}; kill switch off, goes direct` };
  }
  if (down && index(down, u.name) >= 0)
    return ks ? { action: "block", upstream: u, wanted: name, note: `upstream ${name} is down; kill switch blocks` } : { action: "direct", upstream: u, wanted: name, note: `upstream ${name} is down; kill switch off, goes direct` };
  return { action: "proxy", upstream: u, wanted: name, note: null };
}
function markShift(mask) {
  return mask & -mask;
}
function directMark(mask) {
  return markShift(mask);
}
function markHex(n) {
  return sprintf("0x%08x", n);
}
function carriesFamily(u, fam) {
  for (let i = 0; i < length(u.addresses); i++) {
    const a = parseInterfaceAddress(u.addresses[i]);
    if (type(a) === "object" && a.family === fam) return true;
  }
  return false;
}
function timedFrom(c) {
  for (let i = 0; i < length(c.rules); i++) {
    const m = c.rules[i].match;
    if (m.startTime !== null || length(m.weekdays)) return i;
  }
  return length(c.rules);
}
function activeRules(cfg) {
  const out = [];
  const seen = {};
  for (let i = 0; i < length(cfg.clients); i++) {
    const c = cfg.clients[i];
    if (!c.enabled) continue;
    for (let j = 0; j < length(c.rules); j++)
      if (!seen[c.rules[j].id]) {
        seen[c.rules[j].id] = true;
        push(out, c.rules[j]);
      }
  }
  return out;
}
function localNetworks(cfg, given2) {
  const out = [];
  const seen = {};
  const add = (p) => {
    if (p && !seen[p.text]) {
      seen[p.text] = true;
      push(out, p);
    }
  };
  const srv = cfg.server;
  if (srv && srv.enabled) for (let i = 0; i < length(srv.addresses); i++) add(interfaceNetwork(srv.addresses[i]));
  for (let i = 0; i < length(given2 != null ? given2 : []); i++) {
    const p = parsePrefix(given2[i]);
    if (type(p) === "object") add(p);
  }
  return out;
}

// src/core/idn.ts
var BASE = 36;
var TMIN = 1;
var TMAX = 26;
var SKEW = 38;
var DAMP = 700;
function codepoints(s2) {
  const out = [];
  const n = length(s2);
  let i = 0;
  while (i < n) {
    const b = ord(s2, i);
    let cp = b, len = 1;
    if (b >= 240 && b < 248) {
      cp = b & 7;
      len = 4;
    } else if (b >= 224) {
      cp = b & 15;
      len = 3;
    } else if (b >= 194) {
      cp = b & 31;
      len = 2;
    } else if (b >= 128) return null;
    if (b >= 248 || i + len > n) return null;
    for (let j = 1; j < len; j++) {
      const c = ord(s2, i + j);
      if ((c & 192) !== 128) return null;
      cp = cp << 6 | c & 63;
    }
    push(out, cp);
    i += len;
  }
  return out;
}
function pair(cp, upperEven) {
  return cp % 2 === 0 === upperEven ? cp + 1 : cp;
}
function lower(cp) {
  if (cp < 128) return cp >= 65 && cp <= 90 ? cp + 32 : cp >= 97 && cp <= 122 || cp >= 48 && cp <= 57 || cp === 45 || cp === 46 ? cp : -1;
  if (cp < 192 || cp === 215 || cp === 247) return -1;
  if (cp <= 222) return cp + 32;
  if (cp <= 255) return cp;
  if (cp === 304 || cp === 306 || cp === 307 || cp === 319 || cp === 320 || cp === 329 || cp === 383) return -1;
  if (cp === 376) return 255;
  if (cp < 312) return pair(cp, true);
  if (cp === 312) return cp;
  if (cp < 329) return pair(cp, false);
  if (cp < 376) return pair(cp, true);
  if (cp < 383) return pair(cp, false);
  if (cp < 880) return -1;
  if (cp === 902) return 940;
  if (cp >= 904 && cp <= 906) return cp + 37;
  if (cp === 908) return 972;
  if (cp === 910 || cp === 911) return cp + 63;
  if (cp >= 913 && cp <= 939 && cp !== 930) return cp + 32;
  if (cp >= 940 && cp <= 974 && cp !== 962) return cp;
  if (cp < 1024) return -1;
  if (cp < 1040) return cp + 80;
  if (cp < 1072) return cp + 32;
  if (cp < 1120) return cp;
  if (cp >= 1120 && cp <= 1153 || cp >= 1162 && cp <= 1215 || cp >= 1232 && cp <= 1327) return pair(cp, true);
  if (cp >= 1217 && cp <= 1230) return pair(cp, false);
  if (cp >= 12353 && cp <= 12438 || cp === 12445 || cp === 12446 || cp >= 12449 && cp <= 12538 || cp >= 12540 && cp <= 12542 || cp >= 13312 && cp <= 19903 || cp >= 19968 && cp <= 40959 || cp >= 44032 && cp <= 55203) return cp;
  return -1;
}
function digit(d) {
  return chr(d < 26 ? 97 + d : 22 + d);
}
function adapt(delta, points, first) {
  let d = first ? int(delta / DAMP) : int(delta / 2);
  d += int(d / points);
  let k = 0;
  while (d > int((BASE - TMIN) * TMAX / 2)) {
    d = int(d / (BASE - TMIN));
    k += BASE;
  }
  return k + int((BASE - TMIN + 1) * d / (d + SKEW));
}
function punycode(cps) {
  let out = "";
  for (let i = 0; i < length(cps); i++) if (cps[i] < 128) out += chr(cps[i]);
  const basic = length(out);
  let h = basic, n = 128, delta = 0, bias = 72;
  if (basic > 0) out += "-";
  while (h < length(cps)) {
    let m = 2147483647;
    for (let i = 0; i < length(cps); i++) if (cps[i] >= n && cps[i] < m) m = cps[i];
    delta += (m - n) * (h + 1);
    n = m;
    for (let i = 0; i < length(cps); i++) {
      if (cps[i] < n) delta++;
      if (cps[i] !== n) continue;
      let q = delta, k = BASE;
      while (true) {
        const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
        if (q < t) break;
        out += digit(t + (q - t) % (BASE - t));
        q = int((q - t) / (BASE - t));
        k += BASE;
      }
      out += digit(q);
      bias = adapt(delta, h + 1, h === basic);
      delta = 0;
      h++;
    }
    delta++;
    n++;
  }
  return out;
}
function toAscii(name) {
  const cps = codepoints(name);
  if (cps === null) return null;
  const labels = [];
  let cur = [], wide = false;
  for (let i = 0; i <= length(cps); i++) {
    const cp = i === length(cps) || cps[i] === 12290 ? 46 : lower(cps[i]);
    if (cp < 0) return null;
    if (cp === 46) {
      push(labels, wide ? `xn--${punycode(cur)}` : join("", map(cur, (c) => chr(c))));
      cur = [];
      wide = false;
      continue;
    }
    if (cp >= 128) wide = true;
    push(cur, cp);
  }
  return join(".", labels);
}

// src/core/values.ts
var LABEL_BAD = /["'`\\;#{}$\/<>|&]/;
var CONTROL = /[\x01-\x1f\x7f]/;
var WG_KEY = /^[A-Za-z0-9+\/]{42}[AEIMQUYcgkosw480]=$/;
var DECIMAL = /^(0|[1-9][0-9]{0,9})$/;
var PORT_RANGE = /^([^-]*)-([^-]*)$/;
var BOOL = /^(0|1|on|off|yes|no|true|false|enabled|disabled)$/;
var TRUE = /^(1|on|yes|true|enabled)$/;
var TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
var EDGE_DOTS = /^(\*\.|\.)+|\.+$/g;
var TRAILING_DOT = /\.$/;
var DOMAIN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
var DIGITS_DOTS = /^[0-9.]+$/;
var IPV4 = /^[0-9]{1,3}(\.[0-9]{1,3}){3}$/;
var IPV6_CHARS = /^[0-9a-fA-F:.]+$/;
var NUMERIC_TOP = /(^|\.)[0-9]+$/;
var INET_ATON = /^(0[xX][0-9a-fA-F]*|[0-9]+)(\.(0[xX][0-9a-fA-F]*|[0-9]+))*$/;
var HOSTNAME = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
var ENDPOINT6 = /^\[([0-9a-fA-F:.]+)\]:([^:]*)$/;
var ENDPOINT = /^([a-zA-Z0-9.-]+):([^:]*)$/;
var MAC = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;
var IFNAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
var HEX_MASK = /^0x[0-9a-fA-F]{1,8}$/;
var NAME_RE = /^[a-zA-Z][a-zA-Z0-9_]*$/;
function badName(v, max2) {
  if (match(v, CONTROL) || !match(v, NAME_RE)) return `"${v}" is not a name (letters, digits, _; starting with a letter)`;
  if (length(v) > max2) return `"${v}" is longer than ${max2} characters`;
  return null;
}
function badLabel(v) {
  if (match(v, LABEL_BAD) || match(v, CONTROL))
    return `"${v}" contains a character that is not allowed in a label (quotes, \\ ; # { } $ / < > | & or control characters)`;
  if (length(v) > 64) return "is longer than 64 characters";
  return null;
}
function badKey(v) {
  if (!match(v, WG_KEY))
    return "is not a WireGuard key (44 characters of base64 for 32 bytes)";
  return null;
}
function badInt(v, lo, hi) {
  if (!match(v, DECIMAL) || int(v) < lo || int(v) > hi) return `"${v}" is not an integer from ${lo} to ${hi}`;
  return null;
}
function badPort(v) {
  return badInt(v, 1, 65535) ? `"${v}" is not a port (an integer from 1 to 65535)` : null;
}
function badPortRange(v) {
  const m = match(v, PORT_RANGE);
  if (!m) return badPort(v);
  if (badInt(m[1], 1, 65535) || badInt(m[2], 1, 65535)) return `"${v}" is not a port range (from-to, each an integer from 1 to 65535)`;
  if (int(m[1]) > int(m[2])) return `"${v}": range start is above its end`;
  return null;
}
function badBool(v) {
  return match(v, BOOL) ? null : `"${v}" is not a boolean (0 or 1)`;
}
function bool(v) {
  return !!match(v, TRUE);
}
function badTime(v) {
  return match(v, TIME) ? null : `"${v}" is not a time of day (HH:MM, 00:00-23:59)`;
}
var WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
function weekday(v) {
  const d = uc(substr(v, 0, 1)) + lc(substr(v, 1));
  for (let i = 0; i < 7; i++) if (WEEKDAYS[i] === d) return i;
  return -1;
}
function badDomain(v) {
  if (length(v) > 253) return `"${v}" is longer than 253 characters`;
  if (match(v, DOMAIN)) return null;
  const bare = replace(v, EDGE_DOTS, "");
  const fix = toAscii(bare);
  if (fix === null || !match(fix, DOMAIN)) return `"${v}" is not a domain name`;
  if (bare !== v)
    return `"${v}": write "${fix}" (${match(v, TRAILING_DOT) ? "without the trailing dot" : "a domain already matches all its subdomains"})`;
  if (fix !== lc(v)) return `"${v}" is an internationalised name: write it as "${fix}"`;
  return `"${v}" must be lower case`;
}
function badHost(v) {
  if (match(v, DIGITS_DOTS)) return match(v, IPV4) && iptoarr(v) ? null : `"${v}" is not an IPv4 address`;
  if (index(v, ":") >= 0) return match(v, IPV6_CHARS) && iptoarr(v) ? null : `"${v}" is not an IPv6 address`;
  if (!match(v, HOSTNAME) || match(v, NUMERIC_TOP) || match(v, INET_ATON))
    return `"${v}" is not a host name or address`;
  return null;
}
function parseEndpoint(v) {
  var _a;
  let m = match(v, ENDPOINT6);
  if (!m) m = match(v, ENDPOINT);
  if (!m) return `"${v}" is not host:port (IPv6 as [addr]:port)`;
  const e = (_a = badHost(m[1])) != null ? _a : badPort(m[2]);
  if (e) return e;
  return { host: m[1], port: int(m[2]) };
}
function badMac(v) {
  return match(v, MAC) ? null : `"${v}" is not a MAC address (aa:bb:cc:dd:ee:ff)`;
}
function badIfname(v) {
  if (!match(v, IFNAME)) return `"${v}" is not a network device name`;
  if (length(v) > 15) return `"${v}" is longer than 15 characters (Linux IFNAMSIZ)`;
  return null;
}
var PROTOS = ["tcp", "udp", "icmp", "icmpv6", "sctp", "udplite", "gre", "esp"];
function badMtu(v) {
  return badInt(v, 1280, 9e3);
}
function badKeepalive(v) {
  return badInt(v, 0, 65535);
}
function badMarkMask(v) {
  return match(v, HEX_MASK) ? null : `"${v}" is not a 32-bit hex mask (0x…)`;
}

// src/core/config.ts
var CONTROL2 = /[[:cntrl:]]/;
var BLANKS = /[ \t]+/;
var ACTION = /^(proxy|direct|block)$/;
var PORT_PROTO = /^(tcp|udp|sctp|udplite)$/;
var KIND = /^(peer|device)$/;
var DEFAULTS = {
  mark_mask: "0x70000000",
  rule_priority: "21000",
  table_base: "2100",
  set_timeout: "86400",
  server_iface: "sw_server",
  listen_port: "51820"
};
var FOREIGN_MARKS = [[16128, "mwan3"], [16711680, "pbr/podkop"], [134217728, "dae"], [127, "homeproxy"]];
function withControlCheck(check2) {
  return (v) => match(v, CONTROL2) ? "contains a control character (newline, tab, …)" : check2 ? check2(v) : null;
}
function reader(sec2, base, problems) {
  const known = [".name", ".type"];
  const bad2 = {};
  const at = {};
  const report = (k, path, message) => {
    bad2[k] = true;
    push(problems, { path, message });
  };
  const r = {
    str: (k, def, check2) => {
      push(known, k);
      const v = sec2.options[k];
      if (v === null || v === void 0) return def;
      if (type(v) === "array") {
        report(k, `${base}.${k}`, "must be a single option, not a list");
        return def;
      }
      const e = v === "" ? "is empty" : withControlCheck(check2)(v);
      if (e) {
        report(k, `${base}.${k}`, e);
        return def;
      }
      return v;
    },
    // The valid elements; `r.at(k)` has their positions in the option.
    // An empty element is an error, never "no condition": an empty domain
    // would otherwise turn a rule into "match everything".
    list: (k, check2) => {
      var _a;
      push(known, k);
      at[k] = [];
      const v = (_a = sec2.options[k]) != null ? _a : null;
      if (v === null) return [];
      let vals = type(v) === "array" ? v : filter(split(v, BLANKS), (x) => x !== "");
      if (!length(vals) && type(v) !== "array") vals = [v];
      const out = [];
      for (let i = 0; i < length(vals); i++) {
        const e = trim(vals[i]) === "" ? "is empty" : withControlCheck(check2)(vals[i]);
        if (e) report(k, `${base}.${k}[${i}]`, e);
        else {
          push(out, vals[i]);
          push(at[k], i);
        }
      }
      return out;
    },
    at: (k) => {
      var _a;
      return (_a = at[k]) != null ? _a : [];
    },
    bad: (k) => !!bad2[k],
    bool: (k, def) => {
      const v = r.str(k, null, badBool);
      return v === null ? def : bool(v);
    },
    int: (k, def, lo, hi) => r.num(k, def, (x) => badInt(x, lo, hi)),
    // a number whose grammar has its own validator (badPort, badMtu, …)
    num: (k, def, check2) => {
      const v = r.str(k, null, check2);
      return v === null ? def : int(v);
    },
    unknown: () => {
      for (let k in sec2.options)
        if (index(known, k) < 0) push(problems, { path: `${base}.${k}`, message: "unknown option" });
    }
  };
  return r;
}
function readGlobals(sec2, problems) {
  const s2 = sec2 != null ? sec2 : { type: "globals", name: "main", anonymous: false, options: {} };
  const r = reader(s2, "globals", problems);
  const maskText = r.str("mark_mask", DEFAULTS.mark_mask, badMarkMask);
  const g = {
    enabled: r.bool("enabled", true),
    markMask: int(maskText, 16),
    rulePriority: r.int("rule_priority", int(DEFAULTS.rule_priority), 1, 32e3),
    tableBase: r.int("table_base", int(DEFAULTS.table_base), 256, 2147418112),
    ipv6: r.bool("ipv6", true),
    dnsHijack: r.bool("dns_hijack", true),
    killSwitch: r.bool("kill_switch", true),
    setTimeout: r.int("set_timeout", int(DEFAULTS.set_timeout), 0, 31536e3),
    lanZone: r.str("lan_zone", "lan", (v) => badName(v, 11)),
    wanZone: r.str("wan_zone", "wan", (v) => badName(v, 11))
  };
  r.unknown();
  if (!r.bad("mark_mask")) checkMask(g.markMask, maskText, problems);
  return g;
}
function checkMask(m, text, problems) {
  if (m === 0) push(problems, { path: "globals.mark_mask", message: "must not be 0" });
  else if (m > 2147483647) push(problems, { path: "globals.mark_mask", message: `${text}: bit 31 is reserved, use bits 0-30` });
  else {
    const low = markShift(m);
    if ((m + low & m) !== 0) push(problems, { path: "globals.mark_mask", message: `${text} must be one run of contiguous bits` });
    for (let i = 0; i < length(FOREIGN_MARKS); i++)
      if (m & FOREIGN_MARKS[i][0]) push(problems, { path: "globals.mark_mask", message: `${text} overlaps the mark bits ${sprintf("0x%x", FOREIGN_MARKS[i][0])} used by ${FOREIGN_MARKS[i][1]}` });
  }
}
function reportedPaths(problems) {
  const seen = {};
  for (let i = 0; i < length(problems); i++) {
    const p = problems[i].path;
    seen[p] = true;
    const b = rindex(p, "[");
    if (b > 0 && substr(p, -1) === "]") seen[substr(p, 0, b)] = true;
  }
  return seen;
}
function readUpstream(sec2, problems) {
  const base = `upstream.${sec2.name}`;
  if (sec2.anonymous) push(problems, { path: base, message: "an upstream section needs a name (it names the interface)" });
  else {
    const e = badName(sec2.name, 12);
    if (e) push(problems, { path: base, message: e });
  }
  const r = reader(sec2, base, problems);
  const ep = r.str("endpoint", null, (v) => {
    const p = parseEndpoint(v);
    return type(p) === "string" ? p : null;
  });
  let host = "", port = 51820;
  if (ep === null) {
    if (!r.bad("endpoint")) push(problems, { path: `${base}.endpoint`, message: "is required (host:port)" });
  } else {
    const p = parseEndpoint(ep);
    host = p.host;
    port = p.port;
  }
  const u = {
    name: sec2.name,
    iface: `sw_${sec2.name}`,
    enabled: r.bool("enabled", true),
    privateKey: r.str("private_key", "", badKey),
    addresses: r.list("address", (v) => {
      const a = parseInterfaceAddress(v);
      return type(a) === "string" ? a : null;
    }),
    publicKey: r.str("public_key", "", badKey),
    presharedKey: r.str("preshared_key", null, badKey),
    endpointHost: host,
    endpointPort: port,
    allowedIps: r.list("allowed_ips", (v) => {
      const p = parsePrefix(v);
      return type(p) === "string" ? p : null;
    }),
    mtu: r.num("mtu", null, badMtu),
    keepalive: r.num("keepalive", null, badKeepalive),
    dns: r.list("dns", badIpAddress),
    index: 0,
    mark: 0,
    table: 0
  };
  r.str("name", null, badLabel);
  r.unknown();
  if (u.privateKey === "" && !r.bad("private_key")) push(problems, { path: `${base}.private_key`, message: "is required" });
  if (u.publicKey === "" && !r.bad("public_key")) push(problems, { path: `${base}.public_key`, message: "is required" });
  if (!length(u.addresses) && !r.bad("address")) push(problems, { path: `${base}.address`, message: "needs at least one tunnel address" });
  if (!length(u.allowedIps)) u.allowedIps = ["0.0.0.0/0", "::/0"];
  return u;
}
function readServer(sec2, problems) {
  const r = reader(sec2, "server", problems);
  const s2 = {
    enabled: r.bool("enabled", true),
    iface: DEFAULTS.server_iface,
    privateKey: r.str("private_key", "", badKey),
    listenPort: r.num("listen_port", int(DEFAULTS.listen_port), badPort),
    addresses: r.list("address", (v) => {
      const a = parseInterfaceAddress(v);
      return type(a) === "string" ? a : null;
    }),
    endpoint: r.str("endpoint", null, (v) => {
      const p = parseEndpoint(v);
      return type(p) === "string" ? p : null;
    }),
    dns: r.list("dns", badIpAddress),
    mtu: r.num("mtu", null, badMtu)
  };
  r.unknown();
  if (s2.enabled && s2.privateKey === "" && !r.bad("private_key")) push(problems, { path: "server.private_key", message: "is required (make one with splitwg genkey, or in LuCI)" });
  if (s2.enabled && !length(s2.addresses) && !r.bad("address")) push(problems, { path: "server.address", message: "needs at least one address with its pool prefix (e.g. 10.77.0.1/24)" });
  return s2;
}
function readRule(sec2, id, setBase, problems) {
  const r = reader(sec2, id, problems);
  r.str("client", null);
  r.str("ruleset", null);
  const enabled = r.bool("enabled", true);
  const dest4 = [], dest6 = [];
  const destSeen = {};
  r.list("dest", (v) => {
    const p = parsePrefix(v);
    if (type(p) === "string") return p;
    const x = p;
    if (!destSeen[x.text]) push(x.family === 4 ? dest4 : dest6, x);
    destSeen[x.text] = true;
    return null;
  });
  const protos = r.list("proto", (v) => v === "all" || v === "any" || index(PROTOS, v) >= 0 ? null : `"${v}" is not a protocol (${join(" ", PROTOS)}, all)`);
  const m = {
    domains: uniq(r.list("domain", badDomain)),
    dest4,
    dest6,
    protos: index(protos, "all") >= 0 || index(protos, "any") >= 0 ? [] : uniq(protos),
    ports: uniq(r.list("port", badPortRange)),
    startTime: r.str("start_time", null, badTime),
    stopTime: r.str("stop_time", null, badTime),
    weekdays: uniq(map(r.list("weekdays", (v) => weekday(v) < 0 ? `"${v}" is not a weekday (Mon … Sun)` : null), weekday))
  };
  const action = r.str("action", "proxy", (v) => match(v, ACTION) ? null : `"${v}" is not an action (proxy, direct, block)`);
  const rule2 = {
    id,
    setBase,
    name: r.str("name", "", badLabel),
    match: m,
    action,
    upstream: r.str("upstream", null, (v) => badName(v, 12))
  };
  r.unknown();
  if (m.startTime === null !== (m.stopTime === null) && !r.bad("start_time") && !r.bad("stop_time"))
    push(problems, { path: `${id}.${m.startTime === null ? "start_time" : "stop_time"}`, message: "a time window needs both start_time and stop_time" });
  else if (m.startTime !== null && m.startTime === m.stopTime)
    push(problems, { path: `${id}.stop_time`, message: 'equals start_time (an empty window); remove both for "always"' });
  if (length(m.ports)) {
    for (let i = 0; i < length(m.protos); i++)
      if (!match(m.protos[i], PORT_PROTO))
        push(problems, { path: `${id}.proto`, message: `ports need tcp, udp, sctp or udplite, not "${m.protos[i]}"` });
  }
  if (rule2.upstream !== null && action !== "proxy" && !r.bad("action"))
    push(problems, { path: `${id}.upstream`, message: `only a proxy rule takes an upstream (action is ${action})` });
  return enabled ? rule2 : null;
}
function readClient(sec2, problems, g) {
  const base = `client.${sec2.name}`;
  if (sec2.anonymous) push(problems, { path: base, message: "a client section needs a name" });
  else {
    const e = badName(sec2.name, 32);
    if (e) push(problems, { path: base, message: e });
  }
  const r = reader(sec2, base, problems);
  const kind = r.str("kind", "device", (v) => match(v, KIND) ? null : `"${v}" is not a client kind (peer, device)`);
  const srcs = r.list("address", (v) => {
    const p = parsePrefix(v);
    return type(p) === "string" ? p : null;
  });
  const srcAt = r.at("address");
  const c = {
    name: sec2.name,
    kind,
    enabled: r.bool("enabled", true),
    publicKey: r.str("public_key", null, badKey),
    privateKey: r.str("private_key", null, badKey),
    presharedKey: r.str("preshared_key", null, badKey),
    src4: [],
    src6: [],
    macs: uniq(map(r.list("mac", badMac), lc)),
    ifaces: uniq(r.list("interface", badIfname)),
    defaultAction: r.str("default", "direct", (v) => match(v, ACTION) ? null : `"${v}" is not an action (proxy, direct, block)`),
    upstream: r.str("upstream", null, (v) => badName(v, 12)),
    rulesets: r.list("ruleset", (v) => badName(v, 32)),
    dnsHijack: true,
    rules: []
  };
  c.dnsHijack = r.bool("dns_hijack", g.dnsHijack);
  r.str("name", null, badLabel);
  r.unknown();
  readSources(c, srcs, srcAt, problems);
  if (r.bad("kind")) {
  } else if (kind === "peer") {
    if (c.publicKey === null && !r.bad("public_key")) push(problems, { path: `${base}.public_key`, message: "is required for a peer" });
    if (!length(srcs) && !r.bad("address")) push(problems, { path: `${base}.address`, message: "a peer needs its tunnel address(es)" });
    if (length(c.macs) || length(c.ifaces)) push(problems, { path: base, message: "a peer is identified by its tunnel address, not mac/interface" });
  } else {
    if (sec2.options.address == null && sec2.options.mac == null && sec2.options.interface == null)
      push(problems, { path: base, message: "a device needs an address, mac or interface" });
    if (c.publicKey !== null || c.privateKey !== null) push(problems, { path: `${base}.public_key`, message: "only peers have keys" });
  }
  return c;
}
function readSources(c, srcs, at, problems) {
  const seen = {};
  const all = [], pos = [];
  for (let i = 0; i < length(srcs); i++) {
    const p = parsePrefix(srcs[i]);
    if (seen[p.text]) continue;
    seen[p.text] = true;
    let clash = -1;
    for (let j = 0; j < length(all) && clash < 0; j++) if (prefixesOverlap(all[j], p)) clash = j;
    if (clash >= 0) {
      push(problems, { path: `client.${c.name}.address[${at[i]}]`, message: `${p.text} overlaps ${all[clash].text} (address[${pos[clash]}])` });
      continue;
    }
    push(all, p);
    push(pos, at[i]);
    push(p.family === 4 ? c.src4 : c.src6, p);
  }
}
function checkOverlaps(clients, problems) {
  for (let i = 0; i < length(clients); i++) {
    const a = clients[i];
    if (!a.enabled) continue;
    for (let j = i + 1; j < length(clients); j++) {
      const b = clients[j];
      if (!b.enabled) continue;
      const pa = [...a.src4, ...a.src6], pb = [...b.src4, ...b.src6];
      for (let x = 0; x < length(pa); x++)
        for (let y = 0; y < length(pb); y++)
          if (prefixesOverlap(pa[x], pb[y]))
            push(problems, { path: `client.${b.name}.address`, message: `${pb[y].text} overlaps ${pa[x].text} of client ${a.name}` });
      for (let x = 0; x < length(b.macs); x++)
        if (index(a.macs, b.macs[x]) >= 0) push(problems, { path: `client.${b.name}.mac`, message: `${b.macs[x]} is also client ${a.name}'s` });
      for (let x = 0; x < length(b.ifaces); x++)
        if (index(a.ifaces, b.ifaces[x]) >= 0) push(problems, { path: `client.${b.name}.interface`, message: `${b.ifaces[x]} is also client ${a.name}'s` });
    }
  }
}
function sectionPath(s2) {
  if (s2.type === "globals" || s2.type === "server") return s2.type;
  if (s2.type === "rule") return `rule ${s2.name}`;
  return index(["upstream", "client", "ruleset"], s2.type) >= 0 ? `${s2.type}.${s2.name}` : s2.name;
}
function uniqueSections(sections, problems) {
  const first = {};
  const out = [];
  for (let i = 0; i < length(sections); i++) {
    const s2 = sections[i];
    const t = s2.anonymous ? null : first[s2.name];
    if (t === null || t === void 0) {
      if (!s2.anonymous) first[s2.name] = s2.type;
      push(out, s2);
    } else push(problems, { path: sectionPath(s2), message: t === s2.type ? "is defined twice" : `also names a ${t} section (section names are unique in a UCI file)` });
  }
  return out;
}
function badOwner(v) {
  if (type(v) === "array") return "must be a single option, not a list";
  return v === "" ? "is empty" : badName(v, 32);
}
function byType(sections, t) {
  return filter(sections, (s2) => s2.type === t);
}
function identifiedFamilies(c, ipv6) {
  const all = c.kind === "peer" || length(c.macs) > 0 || length(c.ifaces) > 0;
  return { v4: all || length(c.src4) > 0, v6: ipv6 && (all || length(c.src6) > 0) };
}
function familyWarnings(clients, g) {
  const out = [];
  for (let i = 0; i < length(clients); i++) {
    const c = clients[i];
    if (!c.enabled || c.kind !== "device" || !g.enabled) continue;
    const f = identifiedFamilies(c, g.ipv6);
    const path = `client.${c.name}.address`;
    if (g.ipv6 && f.v4 && !f.v6)
      push(out, { path, message: "identifies IPv4 only: the device's IPv6 traffic (SLAAC/privacy addresses) is not classified and is routed normally, not by its rules — add its mac (or an IPv6 prefix)" });
    else if (g.ipv6 && f.v6 && !f.v4)
      push(out, { path, message: "identifies IPv6 only: the device's IPv4 traffic is not classified and is routed normally, not by its rules — add its mac (or an IPv4 address)" });
    else if (!g.ipv6 && !f.v4 && length(c.src6))
      push(out, { path, message: "identifies IPv6 only and globals.ipv6 is off: none of the device's traffic is classified — add its mac (or an IPv4 address)" });
  }
  return out;
}
function readConfig(all) {
  var _a;
  const problems = [];
  const sections = uniqueSections(all, problems);
  const known = ["globals", "server", "upstream", "client", "ruleset", "rule"];
  for (let i = 0; i < length(sections); i++)
    if (index(known, sections[i].type) < 0)
      push(problems, { path: sections[i].name, message: `unknown section type "${sections[i].type}" (${join(", ", known)})` });
  const gs = byType(sections, "globals");
  if (length(gs) > 1) push(problems, { path: "globals", message: "only one globals section is allowed" });
  const globals = readGlobals(length(gs) ? gs[0] : null, problems);
  const ss = byType(sections, "server");
  if (length(ss) > 1) push(problems, { path: "server", message: "only one server section is allowed" });
  const server = length(ss) ? readServer(ss[0], problems) : null;
  const upstreams = map(byType(sections, "upstream"), (s2) => readUpstream(s2, problems));
  const names = {};
  for (let i = 0; i < length(upstreams); i++) {
    const u = upstreams[i];
    if (u.iface === DEFAULTS.server_iface) push(problems, { path: `upstream.${u.name}`, message: `the name "server" is reserved (interface ${DEFAULTS.server_iface})` });
    names[u.name] = true;
  }
  const shift2 = globals.markMask ? markShift(globals.markMask) : 1;
  const maxValue = globals.markMask ? int(globals.markMask / shift2) : 0;
  for (let i = 0; i < length(upstreams); i++) {
    const u = upstreams[i];
    u.index = i + 1;
    u.mark = (i + 2) * shift2;
    u.table = globals.tableBase + i + 1;
  }
  if (length(upstreams) + 1 > maxValue && !reportedPaths(problems)["globals.mark_mask"])
    push(problems, { path: "globals.mark_mask", message: `${sprintf("0x%08x", globals.markMask)} has room for ${maxValue - 1} upstreams, ${length(upstreams)} are defined` });
  const rulesets = {};
  const rsSections = byType(sections, "ruleset");
  for (let i = 0; i < length(rsSections); i++) {
    const e = rsSections[i].anonymous ? "a ruleset section needs a name" : badName(rsSections[i].name, 32);
    if (e) push(problems, { path: `ruleset.${rsSections[i].name}`, message: e });
    const r = reader(rsSections[i], `ruleset.${rsSections[i].name}`, problems);
    r.str("name", null, badLabel);
    r.unknown();
    rulesets[rsSections[i].name] = [];
  }
  const clients = map(byType(sections, "client"), (s2) => readClient(s2, problems, globals));
  const byClient = {};
  for (let i = 0; i < length(clients); i++) byClient[clients[i].name] = [];
  const ruleSecs = byType(sections, "rule");
  for (let i = 0; i < length(ruleSecs); i++) {
    const s2 = ruleSecs[i];
    const cl = s2.options.client, rs = s2.options.ruleset;
    const refErr = (_a = cl != null ? badOwner(cl) : null) != null ? _a : rs != null ? badOwner(rs) : null;
    if (refErr) {
      push(problems, { path: `rule ${s2.name}.${cl != null ? "client" : "ruleset"}`, message: refErr });
      continue;
    }
    if (cl == null === (rs == null)) push(problems, { path: `rule ${s2.name}`, message: "a rule belongs to exactly one client or ruleset (option client or option ruleset)" });
    else if (cl != null && !byClient[cl]) push(problems, { path: `rule ${s2.name}.client`, message: `unknown client "${cl}"` });
    else if (rs != null && !rulesets[rs]) push(problems, { path: `rule ${s2.name}.ruleset`, message: `unknown ruleset "${rs}"` });
    else push(cl != null ? byClient[cl] : rulesets[rs], s2);
  }
  const rsRules = {};
  for (let n in rulesets) {
    rsRules[n] = [];
    for (let i = 0; i < length(rulesets[n]); i++) {
      const r = readRule(rulesets[n][i], `ruleset.${n}.rule[${i}]`, `rs_${n}_${i}`, problems);
      if (r) push(rsRules[n], r);
    }
  }
  for (let i = 0; i < length(clients); i++) {
    const c = clients[i];
    const mine = byClient[c.name];
    for (let j = 0; j < length(mine); j++) {
      const r = readRule(mine[j], `client.${c.name}.rule[${j}]`, `c_${c.name}_${j}`, problems);
      if (r) push(c.rules, r);
    }
    for (let j = 0; j < length(c.rulesets); j++) {
      const rs = rsRules[c.rulesets[j]];
      if (!rs) push(problems, { path: `client.${c.name}.ruleset[${j}]`, message: `unknown ruleset "${c.rulesets[j]}"` });
      else for (let k = 0; k < length(rs); k++) push(c.rules, rs[k]);
    }
  }
  const seen = reportedPaths(problems);
  for (let i = 0; i < length(clients); i++) {
    const c = clients[i];
    checkReferences(c, names, seen, problems);
    if (c.kind === "peer" && c.enabled && !seen["server.address"]) checkPeerAddress(c, server, problems);
  }
  checkOverlaps(clients, problems);
  const warnings = familyWarnings(clients, globals);
  if (!length(problems))
    return { config: { globals, server, upstreams, clients }, problems, warnings };
  return { config: null, problems, warnings };
}
function checkReferences(c, upstreams, seen, problems) {
  const base = `client.${c.name}`;
  if (c.upstream !== null && !upstreams[c.upstream]) push(problems, { path: `${base}.upstream`, message: `unknown upstream "${c.upstream}"` });
  const needsDefault = c.defaultAction === "proxy" || length(filter(c.rules, (r) => r.action === "proxy" && r.upstream === null && !seen[`${r.id}.action`] && !seen[`${r.id}.upstream`]));
  if (needsDefault && c.upstream === null && !seen[`${base}.upstream`])
    push(problems, { path: `${base}.upstream`, message: "is required: a proxy rule or default names no upstream of its own" });
  for (let i = 0; i < length(c.rules); i++) {
    const r = c.rules[i];
    if (r.upstream !== null && !upstreams[r.upstream]) push(problems, { path: `${r.id}.upstream`, message: `unknown upstream "${r.upstream}"` });
  }
}
function checkPeerAddress(c, server, problems) {
  if (!server || !server.enabled) {
    push(problems, { path: `client.${c.name}`, message: "a peer needs an enabled server section" });
    return;
  }
  const all = [...c.src4, ...c.src6];
  for (let i = 0; i < length(all); i++) {
    let inside = false;
    for (let j = 0; j < length(server.addresses); j++) {
      const pool = interfaceNetwork(server.addresses[j]);
      if (pool && prefixContains(pool, all[i].bytes)) inside = true;
    }
    if (!inside) push(problems, { path: `client.${c.name}.address`, message: `${all[i].text} is outside the server's address pools` });
  }
}
function check(sections) {
  return readConfig(sections).problems;
}

// src/core/domains.ts
var LINE_MAX = 1e3;
function nftsetTargets(stems, ipv6) {
  return join(",", map(stems, (s2) => ipv6 ? `4#inet#splitwg#${s2}_d4,6#inet#splitwg#${s2}_d6` : `4#inet#splitwg#${s2}_d4`));
}
function selfAndParents(d) {
  const out = [d];
  let rest = d;
  for (let i = index(rest, "."); i >= 0; i = index(rest, ".")) {
    rest = substr(rest, i + 1);
    push(out, rest);
  }
  return out;
}
function domainPlan(cfg) {
  var _a, _b, _c;
  const ipv6 = cfg.globals.ipv6;
  const rules = filter(activeRules(cfg), (r) => length(r.match.domains) > 0);
  const byDomain = {};
  for (let i = 0; i < length(rules); i++)
    for (let j = 0; j < length(rules[i].match.domains); j++) {
      const d = rules[i].match.domains[j];
      (_a = byDomain[d]) != null ? _a : byDomain[d] = [];
      if (index(byDomain[d], i) < 0) push(byDomain[d], i);
    }
  const lines = [], shared = [];
  const sharedBy = {};
  const led = {};
  const direct2 = map(rules, () => false);
  const sorted = sort(keys(byDomain));
  for (let i = 0; i < length(sorted); i++) {
    const d = sorted[i];
    const names = selfAndParents(d);
    let hits = [];
    for (let k = 0; k < length(names); k++) if (byDomain[names[k]]) hits = [...hits, ...byDomain[names[k]]];
    hits = sort(uniq(hits), (a, b) => a - b);
    const own = map(hits, (h) => rules[h].setBase);
    const covering = map(hits, (h) => rules[h]);
    if (length(`nftset=/${d}/${nftsetTargets(own, ipv6)}`) <= LINE_MAX) {
      for (let k = 0; k < length(hits); k++) direct2[hits[k]] = true;
      push(lines, { domain: d, rules: covering, stems: own });
      continue;
    }
    const key = join(",", hits);
    let s2 = sharedBy[key];
    if (!s2) {
      const lead = own[0];
      (_b = led[lead]) != null ? _b : led[lead] = 0;
      s2 = { stem: `${lead}_g${led[lead]}`, rules: covering, domains: [] };
      led[lead]++;
      sharedBy[key] = s2;
      push(shared, s2);
    }
    push(s2.domains, d);
    push(lines, { domain: d, rules: covering, stems: [s2.stem] });
  }
  const byRule = {};
  for (let i = 0; i < length(rules); i++) if (direct2[i]) byRule[rules[i].id] = [rules[i].setBase];
  for (let i = 0; i < length(shared); i++)
    for (let j = 0; j < length(shared[i].rules); j++) {
      const id = shared[i].rules[j].id;
      (_c = byRule[id]) != null ? _c : byRule[id] = [];
      push(byRule[id], shared[i].stem);
    }
  return { lines, shared, byRule };
}

// src/core/dnsmasq.ts
function lineComment(l) {
  const n = length(l.rules);
  const ids = join(", ", map(slice(l.rules, 0, 3), (r) => r.id));
  return `# ${l.domain}: ${ids}${n > 3 ? sprintf(" and %d more rules", n - 3) : ""}`;
}
function renderDnsmasq(cfg, version, dp) {
  const d = dp != null ? dp : domainPlan(cfg);
  const out = [`# Generated by splitwg ${version} — domain rules, one entry per domain (dnsmasq uses only the most specific match)`];
  for (let i = 0; i < length(d.lines); i++) {
    const l = d.lines[i];
    push(out, lineComment(l));
    push(out, `nftset=/${l.domain}/${nftsetTargets(l.stems, cfg.globals.ipv6)}`);
  }
  return join("\n", out) + "\n";
}

// src/core/explain.ts
var BLANKS2 = /[ \t]+/;
function ruleLabel(r) {
  return r.name !== "" ? `${r.id} (${r.name})` : r.id;
}
function domainHit(r, d) {
  for (let i = 0; i < length(r.match.domains); i++) {
    const p = r.match.domains[i];
    const n = length(d), l = length(p);
    if (p === d || n > l && substr(d, n - l - 1) === `.${p}`) return p;
  }
  return null;
}
function minutes(t) {
  return int(substr(t, 0, 2)) * 60 + int(substr(t, 3, 2));
}
function sideConditions(r, q, day, min2) {
  const m = r.match;
  let protos = m.protos;
  if (length(m.ports) && !length(protos)) protos = ["tcp", "udp"];
  if (length(protos) && q.proto != null && index(protos, q.proto) < 0) return `protocol is not ${join("/", protos)}`;
  if (length(m.ports) && q.port != null) {
    let ok = false;
    for (let i = 0; i < length(m.ports); i++) {
      const pr = split(m.ports[i], "-");
      const lo = int(pr[0]), hi = length(pr) > 1 ? int(pr[1]) : lo;
      if (q.port >= lo && q.port <= hi) ok = true;
    }
    if (!ok) return `port ${q.port} is not in ${join(", ", m.ports)}`;
  }
  if (length(m.weekdays) && day >= 0 && index(m.weekdays, day) < 0) return `${WEEKDAYS[day]} is not one of its days`;
  if (m.startTime !== null && m.stopTime !== null && min2 >= 0) {
    const a = minutes(m.startTime), b = minutes(m.stopTime);
    const inside = a < b ? min2 >= a && min2 < b : min2 >= a || min2 < b;
    if (!inside) return `time is outside ${m.startTime}-${m.stopTime}`;
  }
  return null;
}
function notEvaluated(r, q, day, min2) {
  const m = r.match;
  const protos = length(m.ports) && !length(m.protos) ? ["tcp", "udp"] : m.protos;
  const out = [];
  if (length(protos) && q.proto == null) push(out, `its protocol ${join("/", protos)}, give --proto`);
  if (length(m.ports) && q.port == null) push(out, `its port ${join(", ", m.ports)}, give --port`);
  if (m.startTime !== null && min2 < 0 || length(m.weekdays) && day < 0) push(out, "its time, give --at");
  return length(out) ? ` (not evaluated: ${join("; ", out)})` : "";
}
function parseAt(at) {
  const p = split(trim(at), BLANKS2);
  if (length(p) !== 2 || weekday(p[0]) < 0 || badTime(p[1])) return `"${at}" is not a time like "Mon 21:30"`;
  return { day: weekday(p[0]), min: minutes(p[1]) };
}
function direct(c, reason) {
  return { client: c.name, action: "direct", upstream: null, iface: null, mark: null, rule: null, reason };
}
function answer(cfg, cl, q, dest, addr, f, day, min2, local) {
  const timed = timedFrom(cl);
  const fam = identifiedFamilies(cl, cfg.globals.ipv6);
  const only = fam.v4 ? "IPv4" : "IPv6";
  const result = (r, i, found) => {
    var _a;
    const v = verdictOf(cfg, cl, r, (_a = q.down) != null ? _a : []);
    const pkt = i >= timed && timed < length(cl.rules) ? `; decided per packet: follows the time window of ${cl.rules[timed].id}` : "";
    const why2 = `${found}${pkt}`;
    if (v.upstream !== null && !carriesFamily(v.upstream, f)) {
      const fw = `upstream ${v.wanted} has no IPv${f} address: its table only has an unreachable route`;
      return { x: { client: cl.name, action: "block", upstream: null, iface: null, mark: null, rule: r ? r.id : null, reason: `${why2}; ${fw}` }, famWhy: fw };
    }
    const mark = v.action === "block" ? null : markHex(v.upstream ? v.upstream.mark : directMark(cfg.globals.markMask));
    return { x: {
      client: cl.name,
      action: v.action,
      upstream: v.action === "proxy" ? v.wanted : null,
      iface: v.action === "proxy" ? v.upstream.iface : null,
      mark,
      rule: r ? r.id : null,
      reason: v.note ? `${why2}; ${v.note}` : why2
    }, famWhy: null };
  };
  const unclassified = (why2) => ({ x: direct(cl, why2), famWhy: why2 });
  if (f === 6 && !cfg.globals.ipv6) return unclassified("IPv6 classification is off (globals.ipv6): IPv6 is routed normally");
  if (addr) {
    const nets = localNetworks(cfg, local);
    for (let i = 0; i < length(nets); i++)
      if (prefixContains(nets[i], addr.bytes))
        return { x: direct(cl, `${q.destination} is in ${nets[i].text}, a local network of the router (routed by the main table, not classified)`), famWhy: null };
  }
  if (!fam.v4 && !fam.v6)
    return unclassified(`client ${cl.name} is identified by IPv6 addresses only and IPv6 classification is off (globals.ipv6): none of its traffic is classified`);
  if (!(f === 4 ? fam.v4 : fam.v6))
    return unclassified(`client ${cl.name} is identified by ${only} addresses only: its IPv${f} traffic${f === 6 ? " (SLAAC/privacy addresses)" : ""} is not classified and is routed normally`);
  const skipped = [];
  for (let i = 0; i < length(cl.rules); i++) {
    const r = cl.rules[i];
    let hit = null;
    const m = r.match;
    const anyDest = !length(m.domains) && !length(m.dest4) && !length(m.dest6);
    if (anyDest) hit = "any destination";
    else if (addr) {
      const ps = addr.family === 4 ? m.dest4 : m.dest6;
      for (let j = 0; j < length(ps); j++) if (prefixContains(ps[j], addr.bytes)) {
        hit = `${q.destination} is in ${ps[j].text}`;
        break;
      }
    } else {
      const d = domainHit(r, dest);
      if (d) hit = d === dest ? `domain ${d}` : `${dest} is under ${d}`;
    }
    if (!hit) continue;
    const why2 = sideConditions(r, q, day, min2);
    if (why2) {
      push(skipped, `${r.id}: ${why2}`);
      continue;
    }
    return result(r, i, `first match: ${ruleLabel(r)}, ${hit}${notEvaluated(r, q, day, min2)}`);
  }
  const ipNote = addr ? "; note: domain rules also match an address once the client has resolved that domain through the router" : "";
  const skip = length(skipped) ? ` (matched destination but not: ${join("; ", skipped)})` : "";
  return result(null, length(cl.rules), `no rule matched${skip}: client default ${cl.defaultAction}${ipNote}`);
}
function explain(cfg, q) {
  var _a, _b, _c, _d;
  let c = null;
  for (let i = 0; i < length(cfg.clients); i++) if (cfg.clients[i].name === q.client) c = cfg.clients[i];
  if (!c) return { error: { path: "client", message: `unknown client "${q.client}"` } };
  const dest = lc(trim((_a = q.destination) != null ? _a : ""));
  const addr = parseAddress(dest);
  if (!addr && badDomain(dest)) return { error: { path: "destination", message: `"${q.destination}" is neither an IP address nor a domain name` } };
  if (q.family != null && q.family !== 4 && q.family !== 6) return { error: { path: "family", message: `"${q.family}" is not an address family (4 or 6)` } };
  if (q.family != null && addr && addr.family !== q.family)
    return { error: { path: "family", message: `${q.destination} is an IPv${addr.family} address, not IPv${q.family}` } };
  let day = -1, min2 = -1;
  if (q.at != null && q.at !== "") {
    const at = parseAt(q.at);
    if (type(at) === "string") return { error: { path: "at", message: at } };
    day = at.day;
    min2 = at.min;
  }
  const local = (_b = q.local) != null ? _b : [];
  for (let i = 0; i < length(local); i++) {
    const p = parsePrefix(local[i]);
    if (type(p) === "string") return { error: { path: `local[${i}]`, message: p } };
  }
  const cl = c;
  if (!cfg.globals.enabled) return direct(cl, "splitwg is disabled (globals.enabled 0): nothing is classified, traffic is routed normally");
  if (!cl.enabled) return direct(cl, `client ${cl.name} is disabled: its traffic is not classified`);
  const f = addr ? addr.family : (_c = q.family) != null ? _c : 4;
  const a = answer(cfg, cl, q, dest, addr, f, day, min2, local);
  if (addr || q.family != null) return a.x;
  const o = answer(cfg, cl, q, dest, addr, 6, day, min2, local);
  if (o.x.action === a.x.action && o.x.iface === a.x.iface) return a.x;
  const via = o.x.action === "proxy" ? ` via ${o.x.upstream}` : "";
  const x = a.x;
  return {
    client: x.client,
    action: x.action,
    upstream: x.upstream,
    iface: x.iface,
    mark: x.mark,
    rule: x.rule,
    reason: `${x.reason}; note: over IPv6 (AAAA) the answer is ${o.x.action}${via}: ${(_d = o.famWhy) != null ? _d : o.x.reason}`
  };
}

// src/core/version.ts
var VERSION = "0.1.0";

// src/core/uci.ts
var SINGLE_QUOTE = /'/g;
var SIMPLE = /^[ \t]*(config|option|list)[ \t]+([A-Za-z0-9_]+)([ \t]+'([^'\\]*)')?[ \t]*$/;
function words(line) {
  const m = match(line, SIMPLE);
  if (m) return m[3] ? [m[1], m[2], m[4]] : [m[1], m[2]];
  const out = [];
  let cur = null;
  let i = 0;
  const n = length(line);
  while (i < n) {
    const c = substr(line, i, 1);
    if (c === " " || c === "	" || c === "\r") {
      if (cur !== null) {
        push(out, cur);
        cur = null;
      }
      i++;
    } else if (c === "#" && cur === null) {
      break;
    } else if (c === "'") {
      const end = index(substr(line, i + 1), "'");
      if (end < 0) return "unterminated single quote";
      cur = (cur != null ? cur : "") + substr(line, i + 1, end);
      i += end + 2;
    } else if (c === '"') {
      let j = i + 1;
      let s2 = "";
      while (j < n && substr(line, j, 1) !== '"') {
        if (substr(line, j, 1) === "\\" && j + 1 < n) j++;
        s2 += substr(line, j, 1);
        j++;
      }
      if (j >= n) return "unterminated double quote";
      cur = (cur != null ? cur : "") + s2;
      i = j + 1;
    } else {
      if (c === "\\" && i + 1 < n) i++;
      cur = (cur != null ? cur : "") + substr(line, i, 1);
      i++;
    }
  }
  if (cur !== null) push(out, cur);
  return out;
}
function parseUci(text) {
  var _a;
  const sections = [];
  const errors = [];
  const counts = {};
  const lines = split(text, "\n");
  let sec2 = null;
  for (let ln = 0; ln < length(lines); ln++) {
    const w = words(lines[ln]);
    if (type(w) === "string") {
      push(errors, { line: ln + 1, message: w });
      continue;
    }
    const ws = w;
    if (!length(ws)) continue;
    const kw = ws[0];
    if (kw === "package") continue;
    if (kw === "config") {
      if (length(ws) < 2 || length(ws) > 3) {
        push(errors, { line: ln + 1, message: "expected: config <type> [<name>]" });
        sec2 = null;
        continue;
      }
      const t = ws[1];
      counts[t] = ((_a = counts[t]) != null ? _a : -1) + 1;
      sec2 = { type: t, name: length(ws) === 3 ? ws[2] : `@${t}[${counts[t]}]`, anonymous: length(ws) !== 3, options: {} };
      push(sections, sec2);
    } else if (kw === "option" || kw === "list") {
      if (!sec2) {
        push(errors, { line: ln + 1, message: `${kw} outside a config section` });
        continue;
      }
      if (length(ws) !== 3) {
        push(errors, { line: ln + 1, message: `expected: ${kw} <name> <value>` });
        continue;
      }
      const k = ws[1];
      if (kw === "option") sec2.options[k] = ws[2];
      else {
        const prev = sec2.options[k];
        if (type(prev) === "array") push(prev, ws[2]);
        else sec2.options[k] = [ws[2]];
      }
    } else {
      push(errors, { line: ln + 1, message: `unknown keyword "${kw}"` });
    }
  }
  return { sections, errors };
}
function quote(v) {
  return "'" + replace(v, SINGLE_QUOTE, "'\\''") + "'";
}
function renderUci(sections) {
  let out = "";
  for (let i = 0; i < length(sections); i++) {
    const s2 = sections[i];
    out += s2.anonymous ? `config ${s2.type}
` : `config ${s2.type} ${quote(s2.name)}
`;
    for (let k in s2.options) {
      const v = s2.options[k];
      if (type(v) === "array") {
        const l = v;
        for (let j = 0; j < length(l); j++) out += `	list ${k} ${quote(l[j])}
`;
      } else out += `	option ${k} ${quote(v)}
`;
    }
    out += "\n";
  }
  return out;
}

// src/core/nft.ts
var NFT = {
  family: "inet",
  table: "splitwg",
  prerouting: "prerouting",
  dstnat: "dstnat",
  dnsClient: "dns_client",
  dnsHijack: "dns_hijack",
  forward: "forward",
  clientMaps: "client",
  // + MAP_KINDS suffix: source → client chain
  hijackMaps: "hijack",
  // … → DNS hijacked or not
  local4: "local4",
  local6: "local6"
};
function clientChainName(client) {
  return `client_${client}`;
}
function markChainName(upstream, pkt) {
  return `${upstream === null ? "mark_direct" : "up_" + upstream}${pkt ? "_pkt" : ""}`;
}
function rule(expr, verdict, target, comment2, o) {
  return { expr, counter: o ? o.counter === true : false, verdict, target, comment: comment2, sets: o && o.sets ? o.sets : [], ref: o && o.ref ? o.ref : null };
}
function chain(name, rules, o) {
  return { name, base: o && o.base ? o.base : null, why: o && o.why ? o.why : null, note: o && o.note ? o.note : null, client: o && o.client ? o.client : null, rules };
}
function texts(ps) {
  return map(ps, (p) => p.text);
}
function ruleSets(r, ipv6, dp) {
  var _a;
  const out = [];
  const stems = (_a = dp.byRule[r.id]) != null ? _a : [];
  for (let i = 0; i < length(stems); i++) {
    push(out, { name: `${stems[i]}_d4`, family: 4, kind: "domain" });
    if (ipv6) push(out, { name: `${stems[i]}_d6`, family: 6, kind: "domain" });
  }
  if (length(r.match.dest4)) push(out, { name: `${r.setBase}_n4`, family: 4, kind: "net" });
  if (ipv6 && length(r.match.dest6)) push(out, { name: `${r.setBase}_n6`, family: 6, kind: "net" });
  return out;
}
function sharedWhy(s2) {
  const n = length(s2.rules);
  const ids = map(slice(s2.rules, 0, 3), (r) => r.id);
  return `domains shared by ${join(", ", ids)}${n > 3 ? sprintf(" and %d more rules", n - 3) : ""}: filled by dnsmasq`;
}
function planSets(cfg, dp) {
  const d = dp != null ? dp : domainPlan(cfg);
  const out = [];
  const rules = activeRules(cfg);
  for (let i = 0; i < length(rules); i++) {
    const r = rules[i];
    const sets = ruleSets(r, cfg.globals.ipv6, d);
    for (let k = 0; k < length(sets); k++) {
      const s2 = sets[k];
      if (s2.kind === "domain" && substr(s2.name, 0, length(s2.name) - 3) !== r.setBase) continue;
      const key = s2.kind === "domain" ? join(" ", r.match.domains) : join(" ", texts(s2.family === 4 ? r.match.dest4 : r.match.dest6));
      push(out, { name: s2.name, family: s2.family, kind: s2.kind, rule: r, key, why: s2.kind === "domain" ? `${r.id}: filled by dnsmasq` : r.id });
    }
  }
  const fams = cfg.globals.ipv6 ? [4, 6] : [4];
  for (let i = 0; i < length(d.shared); i++) {
    const s2 = d.shared[i];
    for (let f = 0; f < length(fams); f++)
      push(out, { name: `${s2.stem}_d${fams[f]}`, family: fams[f], kind: "domain", rule: s2.rules[0], key: join(" ", s2.domains), why: sharedWhy(s2) });
  }
  return out;
}
function setOf(s2, timeout) {
  const el = s2.kind === "net" ? texts(s2.family === 4 ? s2.rule.match.dest4 : s2.rule.match.dest6) : null;
  return { name: s2.name, family: s2.family, kind: s2.kind, timeout: s2.kind === "domain" ? timeout : 0, elements: el, why: s2.why, key: s2.key };
}
function protoMatch(r) {
  const m = r.match;
  let protos = m.protos;
  if (length(m.ports) && !length(protos)) protos = ["tcp", "udp"];
  let s2 = "";
  if (length(protos)) s2 += length(protos) === 1 ? ` meta l4proto ${protos[0]}` : ` meta l4proto { ${join(", ", protos)} }`;
  if (length(m.ports)) s2 += length(m.ports) === 1 ? ` th dport ${m.ports[0]}` : ` th dport { ${join(", ", m.ports)} }`;
  return s2;
}
function timeMatch(r) {
  const m = r.match;
  const day = length(m.weekdays) ? ` meta day { ${join(", ", map(sort([...m.weekdays]), (d) => `${d}`))} }` : "";
  if (m.startTime === null || m.stopTime === null) return day;
  let end = int(substr(m.stopTime, 0, 2)) * 3600 + int(substr(m.stopTime, 3, 2)) * 60 - 1;
  if (end < 0) end += 86400;
  const e = sprintf("%02d:%02d:%02d", int(end / 3600), int(end / 60) % 60, end % 60);
  return `${day} meta hour "${m.startTime}"-"${e}"`;
}
function decision(cfg, c, r, pkt) {
  const v = verdictOf(cfg, c, r);
  const up = v.action === "proxy" ? v.upstream.name : null;
  const ref = { count: r ? "rule" : "default", client: c.name, rule: r ? r.id : null, path: v.action, upstream: up };
  if (v.action === "block") return { verdict: "drop", target: null, ref };
  return { verdict: "goto", target: markChainName(up, pkt), ref };
}
function clientRules(cfg, c, dp) {
  var _a;
  const ipv6 = cfg.globals.ipv6;
  const out = [];
  const timed = timedFrom(c);
  for (let i = 0; i < length(c.rules); i++) {
    const r = c.rules[i];
    const v = verdictOf(cfg, c, r);
    const note = v.note ? `, ${v.note}` : "";
    const tail = `${protoMatch(r)}`;
    const dests = [];
    const sets = ruleSets(r, ipv6, dp);
    for (let j = 0; j < length(sets); j++)
      push(dests, { expr: `${sets[j].family === 4 ? "ip" : "ip6"} daddr @${sets[j].name}`, sets: [sets[j].name] });
    const onlyAddrs = length(r.match.domains) === 0 && (length(r.match.dest4) > 0 || length(r.match.dest6) > 0);
    if (!length(dests)) {
      if (onlyAddrs) continue;
      push(dests, { expr: ipv6 ? "" : "meta nfproto ipv4", sets: [] });
    }
    const time2 = timeMatch(r);
    const d2 = decision(cfg, c, r, i >= timed);
    const why2 = `${r.id}: ${r.action}${r.action === "proxy" ? " via " + ((_a = v.wanted) != null ? _a : "") : ""}${note}`;
    for (let k = 0; k < length(dests); k++)
      push(out, rule(trim(`${dests[k].expr}${tail}${time2}`), d2.verdict, d2.target, why2, { counter: true, sets: dests[k].sets, ref: d2.ref }));
  }
  const dv = verdictOf(cfg, c, null);
  const d = decision(cfg, c, null, timed < length(c.rules));
  push(out, rule("", d.verdict, d.target, `client ${c.name} default: ${c.defaultAction}${dv.note ? ", " + dv.note : ""}`, { counter: true, ref: d.ref }));
  return out;
}
function markChain(name, value, mask, why2, pkt) {
  const keep = markHex(4294967295 - mask);
  const rules = [rule(`meta mark set meta mark and ${keep} or ${markHex(value)}`, "", null, null)];
  if (!pkt) push(rules, rule(`ct mark set ct mark and ${keep} or ${markHex(value)}`, "", null, null));
  return chain(name, rules, { why: why2 });
}
var MAP_KINDS = [
  { kind: "a4", suffix: "4", keyType: "ipv4_addr", interval: true, match: "ip saddr" },
  { kind: "a6", suffix: "6", keyType: "ipv6_addr", interval: true, match: "ip6 saddr" },
  { kind: "mac", suffix: "_mac", keyType: "ether_addr", interval: false, match: "ether saddr" },
  { kind: "iif", suffix: "_iif", keyType: "ifname", interval: false, match: "iifname" }
];
function identityKeys(c, kind, ipv6) {
  if (kind === "a4") return texts(c.src4);
  if (kind === "a6") return ipv6 ? texts(c.src6) : [];
  return kind === "mac" ? c.macs : c.ifaces;
}
function identityMaps(stem, why2, clients, ipv6, verdict) {
  return map(MAP_KINDS, (k, i) => {
    const el = [];
    for (let j = 0; j < length(clients); j++) {
      const v = verdict(clients[j]);
      const ks = identityKeys(clients[j], k.kind, ipv6);
      for (let n = 0; n < length(ks); n++) push(el, { key: ks[n], verdict: v.verdict, target: v.target });
    }
    return { name: `${stem}${k.suffix}`, keyType: k.keyType, interval: k.interval, why: i === 0 ? why2 : null, elements: el };
  });
}
function identityLookups(stem, ipv6) {
  return map(filter(MAP_KINDS, (k) => ipv6 || k.kind !== "a6"), (k) => rule(`${!ipv6 && (k.kind === "mac" || k.kind === "iif") ? "meta nfproto ipv4 " : ""}${k.match} vmap @${stem}${k.suffix}`, "", null, null));
}
function localReturns(ipv6, self) {
  const why2 = "to a local network: routed by the main table";
  const out = [
    rule(`fib daddr type ${self}`, "return", null, "to the router itself"),
    rule(`ip daddr @${NFT.local4}`, "return", null, why2, { sets: [NFT.local4] })
  ];
  if (ipv6) push(out, rule(`ip6 daddr @${NFT.local6}`, "return", null, why2, { sets: [NFT.local6] }));
  return out;
}
var noRef = { count: "rule", client: null, rule: null, path: null, upstream: null };
function counted(count) {
  return __spreadProps(__spreadValues({}, noRef), { count });
}
function nftModel(cfg, version, dp, local) {
  const domains = dp != null ? dp : domainPlan(cfg);
  const g = cfg.globals;
  const mask = g.markMask;
  const clients = filter(cfg.clients, (c) => c.enabled);
  const ups = filter(cfg.upstreams, (u) => u.enabled);
  const direct2 = directMark(mask);
  const nets = localNetworks(cfg, local != null ? local : null);
  const sets = [
    { name: NFT.local4, family: 4, kind: "local", timeout: 0, elements: texts(filter(nets, (p) => p.family === 4)), why: "the router's local networks: routed by the main table, never classified", key: "" },
    { name: NFT.local6, family: 6, kind: "local", timeout: 0, elements: texts(filter(nets, (p) => p.family === 6)), why: null, key: "" },
    ...map(planSets(cfg, domains), (s2) => setOf(s2, g.setTimeout))
  ];
  const maps = [
    ...identityMaps(NFT.clientMaps, "source → client chain", clients, g.ipv6, (c) => ({ key: "", verdict: "goto", target: clientChainName(c.name) })),
    ...identityMaps(
      NFT.hijackMaps,
      "source → DNS hijacked (goto dns_hijack) or not (return)",
      clients,
      g.ipv6,
      (c) => c.dnsHijack ? { key: "", verdict: "goto", target: NFT.dnsHijack } : { key: "", verdict: "return", target: null }
    )
  ];
  const restore = [`${markHex(direct2)} : goto ${markChainName(null, false)}`, ...map(ups, (u) => `${markHex(u.mark)} : goto ${markChainName(u.name, false)}`)];
  const chains = [chain(NFT.prerouting, [
    rule(`ct direction original ct mark and ${markHex(mask)} vmap { ${join(", ", restore)} }`, "", null, "connection already decided"),
    rule(`ct direction reply meta mark set meta mark and ${markHex(4294967295 - mask)} or ${markHex(direct2)}`, "return", null, "replies follow their connection (a port forward to a client stays on WAN); marked direct, past the routing kill switch"),
    rule(`meta mark and ${markHex(mask)} != 0`, "return", null, "marked before us"),
    ...localReturns(g.ipv6, "{ local, broadcast, multicast }"),
    ...identityLookups(NFT.clientMaps, g.ipv6)
  ], { base: "type filter hook prerouting priority mangle; policy accept;" })];
  push(chains, markChain(markChainName(null, false), direct2, mask, "decided: direct", false));
  for (let i = 0; i < length(ups); i++)
    push(chains, markChain(markChainName(ups[i].name, false), ups[i].mark, mask, `upstream ${ups[i].name} → ${ups[i].iface}, table ${ups[i].table}`, false));
  if (length(filter(clients, (c) => timedFrom(c) < length(c.rules)))) {
    push(chains, markChain(markChainName(null, true), direct2, mask, "this packet: direct (a time window decides again on the next)", true));
    for (let i = 0; i < length(ups); i++)
      push(chains, markChain(markChainName(ups[i].name, true), ups[i].mark, mask, `this packet: upstream ${ups[i].name}`, true));
  }
  for (let i = 0; i < length(clients); i++) {
    const c = clients[i];
    const t = timedFrom(c);
    const pkt = t < length(c.rules) ? `; decided per packet from ${c.rules[t].id} on (time window)` : "";
    push(chains, chain(
      clientChainName(c.name),
      clientRules(cfg, c, domains),
      { note: `client ${c.name} (${c.kind}): ${length(c.rules)} rule(s), default ${c.defaultAction}${pkt}`, client: c.name }
    ));
  }
  push(chains, chain(
    NFT.dstnat,
    [rule("meta l4proto { tcp, udp } th dport { 53, 853 }", "goto", NFT.dnsClient, null)],
    { base: "type nat hook prerouting priority dstnat - 5; policy accept;" }
  ));
  push(chains, chain(NFT.dnsClient, [...localReturns(g.ipv6, "local"), ...identityLookups(NFT.hijackMaps, g.ipv6)]));
  push(chains, chain(NFT.dnsHijack, [
    rule("meta l4proto { tcp, udp } th dport 53", "redirect", ":53", "DNS hijack", { counter: true, ref: counted("hijack") }),
    rule("", "drop", null, "DoT/DoQ blocked", { counter: true, ref: counted("dot") })
  ], { why: "encrypted DNS would bypass the domain rules" }));
  if (g.killSwitch && length(ups))
    push(chains, chain(
      NFT.forward,
      map(ups, (u) => rule(`meta mark and ${markHex(mask)} == ${markHex(u.mark)} oifname != "${u.iface}"`, "drop", null, `leak guard: ${u.name} traffic only leaves by ${u.iface}`, { counter: true, ref: __spreadProps(__spreadValues({}, counted("leak")), { upstream: u.name }) })),
      { base: "type filter hook forward priority mangle; policy accept;" }
    ));
  const marks = `marks (mask ${markHex(mask)}): ${markHex(direct2)} direct${join("", map(ups, (u) => `, ${markHex(u.mark)} ${u.name} (table ${u.table})`))}`;
  return { version, marks, sets, maps, chains };
}
function tableObjects(t) {
  return { sets: map(t.sets, (s2) => s2.name), maps: map(t.maps, (m) => m.name), chains: map(t.chains, (c) => c.name) };
}
function tableState(t) {
  const counted2 = {};
  for (let i = 0; i < length(t.chains); i++) {
    const c = t.chains[i];
    if (length(filter(c.rules, (r) => r.ref !== null))) counted2[c.name] = map(c.rules, (r) => r.ref);
  }
  return {
    objects: tableObjects(t),
    filled: map(t.maps, (m) => ({ kind: "map", name: m.name, elements: map(m.elements, (e) => `${e.key} : ${e.verdict === "goto" ? "goto " + e.target : e.verdict}`) })),
    counted: counted2
  };
}

// src/core/nftprint.ts
var T = "	";
var COMMENT_MAX = 128;
function comment(s2) {
  if (length(s2) <= COMMENT_MAX) return `comment "${s2}"`;
  let n = COMMENT_MAX - 3;
  while (n > 0 && (ord(s2, n) & 192) === 128) n--;
  return `comment "${substr(s2, 0, n)}..."`;
}
function elements(items) {
  return length(items) ? ` elements = { ${join(", ", items)} };` : "";
}
function why(w) {
  return w === null ? "" : `${T}# ${w}`;
}
function setSpec(s2) {
  const t = s2.family === 4 ? "ipv4_addr" : "ipv6_addr";
  if (s2.kind === "domain") return `type ${t}; ${s2.timeout > 0 ? `flags timeout; timeout ${s2.timeout}s;` : ""}`;
  return `type ${t}; flags interval; auto-merge;`;
}
function printSet(s2) {
  var _a;
  return `${T}set ${s2.name} {${why(s2.why)}
${T}${T}${setSpec(s2)}${elements((_a = s2.elements) != null ? _a : [])}
${T}}`;
}
function mapSpec(m) {
  return `type ${m.keyType} : verdict;${m.interval ? " flags interval;" : ""}`;
}
function verdictText(verdict, target) {
  if (verdict === "goto") return `goto ${target}`;
  if (verdict === "redirect") return `redirect to ${target}`;
  return verdict;
}
function elementText(m, e) {
  return `${m.keyType === "ifname" ? `"${e.key}"` : e.key} : ${verdictText(e.verdict, e.target)}`;
}
function printMap(m) {
  return `${T}map ${m.name} {${why(m.why)}
${T}${T}${mapSpec(m)}${elements(map(m.elements, (e) => elementText(m, e)))}
${T}}`;
}
function printRule(r) {
  const parts = filter([r.expr, r.counter ? "counter" : "", verdictText(r.verdict, r.target), r.comment === null ? "" : comment(r.comment)], (p) => p !== "");
  return `${T}${T}${join(" ", parts)}
`;
}
function printChain(c) {
  return `${c.note === null ? "" : `${T}# ${c.note}
`}${T}chain ${c.name} {${why(c.why)}
${c.base === null ? "" : `${T}${T}${c.base}
`}${join("", map(c.rules, printRule))}${T}}`;
}
function refill(t) {
  const sets = filter(t.sets, (s2) => s2.elements !== null);
  if (!length(sets) && !length(t.maps)) return [];
  const decls = [
    ...map(filter(t.chains, (c) => c.base === null), (c) => `${T}chain ${c.name} {}`),
    ...map(sets, (s2) => `${T}set ${s2.name} { ${setSpec(s2)} }`),
    ...map(t.maps, (m) => `${T}map ${m.name} { ${mapSpec(m)} }`)
  ];
  const tbl = `${NFT.family} ${NFT.table}`;
  return [
    `table ${tbl} {
${join("\n", decls)}
}`,
    ...map(sets, (s2) => `flush set ${tbl} ${s2.name}`),
    ...map(t.maps, (m) => `flush map ${tbl} ${m.name}`)
  ];
}
function printNft(t) {
  const tbl = `${NFT.family} ${NFT.table}`;
  const out = [
    `# Generated by splitwg ${t.version} from /etc/config/splitwg — do not edit; run \`splitwg plan\` to see it.`,
    `table ${tbl}`,
    `flush table ${tbl}`,
    ...refill(t),
    `table ${tbl} {`,
    `${T}# ${t.marks}`,
    "",
    ...map(t.sets, printSet),
    ...map(t.maps, printMap),
    ""
  ];
  for (let i = 0; i < length(t.chains); i++) {
    if (t.chains[i].name === NFT.dstnat) push(out, "");
    push(out, printChain(t.chains[i]));
  }
  push(out, "}");
  return join("\n", out) + "\n";
}
function renderNft(cfg, version, dp, local) {
  return printNft(nftModel(cfg, version, dp, local));
}

// src/core/netifd.ts
var OWNED = "splitwg_owned";
var ZONE_UP = "splitwg";
var ZONE_RW = "splitwg_rw";
function sec(type2, name, options, unmarked) {
  const o = {};
  for (let k in options) if (options[k] !== null) o[k] = options[k];
  if (!unmarked) o[OWNED] = "1";
  return { type: type2, name, anonymous: false, options: o };
}
function fwSec(type2, name, options) {
  return sec(type2, name, options, true);
}
var FW_MARK = "splitwg";
function s(n) {
  return n === null ? null : `${n}`;
}
function upstreamSections(cfg, u) {
  const g = cfg.globals;
  const t = `${u.table}`;
  const out = [
    sec("interface", u.iface, { proto: "wireguard", private_key: u.privateKey, addresses: u.addresses, mtu: s(u.mtu) }),
    sec(`wireguard_${u.iface}`, `swpeer_${u.name}`, {
      description: `splitwg upstream ${u.name}`,
      public_key: u.publicKey,
      preshared_key: u.presharedKey,
      endpoint_host: u.endpointHost,
      endpoint_port: `${u.endpointPort}`,
      allowed_ips: u.allowedIps,
      persistent_keepalive: s(u.keepalive),
      route_allowed_ips: "0"
    }),
    sec("rule", `swrule4_${u.name}`, { mark: `${markHex(u.mark)}/${markHex(g.markMask)}`, lookup: t, priority: `${g.rulePriority + u.index}` }),
    sec("route", `swroute4_${u.name}`, { interface: u.iface, target: "0.0.0.0/0", table: t })
  ];
  if (g.killSwitch) push(out, sec("route", `swkill4_${u.name}`, { type: "unreachable", target: "0.0.0.0/0", table: t, metric: "9999" }));
  if (g.ipv6) {
    push(out, sec("rule6", `swrule6_${u.name}`, { mark: `${markHex(u.mark)}/${markHex(g.markMask)}`, lookup: t, priority: `${g.rulePriority + u.index}` }));
    if (carriesFamily(u, 6)) push(out, sec("route6", `swroute6_${u.name}`, { interface: u.iface, target: "::/0", table: t }));
    if (g.killSwitch || !carriesFamily(u, 6))
      push(out, sec("route6", `swkill6_${u.name}`, { type: "unreachable", target: "::/0", table: t, metric: "9999" }));
  }
  return out;
}
function guardSectionName(client, family, k) {
  return `swguard${family}_${client}_${k}`;
}
function couldBeProxied(c) {
  return c.defaultAction === "proxy" || length(filter(c.rules, (r) => r.action === "proxy")) > 0;
}
function guardSections(cfg) {
  const g = cfg.globals;
  const out = [];
  if (!g.killSwitch) return out;
  const prio = `${g.rulePriority + length(cfg.upstreams) + 1}`;
  const mark = `${markHex(0)}/${markHex(g.markMask)}`;
  const clients = filter(cfg.clients, (c) => c.enabled && couldBeProxied(c));
  for (let i = 0; i < length(clients); i++) {
    const c = clients[i];
    for (let k = 0; k < length(c.src4); k++)
      push(out, sec("rule", guardSectionName(c.name, 4, k), { src: c.src4[k].text, mark, action: "prohibit", priority: prio }));
    for (let k = 0; g.ipv6 && k < length(c.src6); k++)
      push(out, sec("rule6", guardSectionName(c.name, 6, k), { src: c.src6[k].text, mark, action: "prohibit", priority: prio }));
  }
  return out;
}
function renderNetwork(cfg) {
  const g = cfg.globals;
  const ups = filter(cfg.upstreams, (u) => u.enabled);
  const out = [];
  const guards = guardSections(cfg);
  if (length(ups) || length(guards)) {
    push(out, sec("rule", "swmain4", { lookup: "main", suppress_prefixlength: "0", priority: `${g.rulePriority}` }));
    if (g.ipv6) push(out, sec("rule6", "swmain6", { lookup: "main", suppress_prefixlength: "0", priority: `${g.rulePriority}` }));
  }
  for (let i = 0; i < length(ups); i++) {
    const secs = upstreamSections(cfg, ups[i]);
    for (let j = 0; j < length(secs); j++) push(out, secs[j]);
  }
  for (let i = 0; i < length(guards); i++) push(out, guards[i]);
  const srv = cfg.server;
  if (srv && srv.enabled) {
    push(out, sec("interface", srv.iface, {
      proto: "wireguard",
      private_key: srv.privateKey,
      listen_port: `${srv.listenPort}`,
      addresses: srv.addresses,
      mtu: s(srv.mtu)
    }));
    const peers = filter(cfg.clients, (c) => c.kind === "peer" && c.enabled);
    for (let i = 0; i < length(peers); i++) {
      const c = peers[i];
      push(out, sec(`wireguard_${srv.iface}`, `swclient_${c.name}`, {
        description: `splitwg client ${c.name}`,
        public_key: c.publicKey,
        preshared_key: c.presharedKey,
        allowed_ips: map([...c.src4, ...g.ipv6 ? c.src6 : []], (p) => p.family === 4 && p.len === 32 || p.family === 6 && p.len === 128 ? `${p.text}/${p.len}` : p.text),
        route_allowed_ips: "1"
      }));
    }
  }
  return out;
}
function renderFirewall(cfg) {
  const g = cfg.globals;
  const ups = filter(cfg.upstreams, (u) => u.enabled);
  const srv = cfg.server && cfg.server.enabled ? cfg.server : null;
  const out = [];
  if (length(ups)) {
    push(out, fwSec("zone", "sw_zone_up", {
      name: ZONE_UP,
      network: map(ups, (u) => u.iface),
      input: "REJECT",
      output: "ACCEPT",
      forward: "REJECT",
      masq: "1",
      masq6: g.ipv6 ? "1" : null,
      mtu_fix: "1"
    }));
    push(out, fwSec("forwarding", "sw_fwd_lan_up", { name: "splitwg-lan-up", src: g.lanZone, dest: ZONE_UP }));
  }
  if (srv) {
    push(out, fwSec("zone", "sw_zone_rw", { name: ZONE_RW, network: [srv.iface], input: "ACCEPT", output: "ACCEPT", forward: "REJECT", mtu_fix: "1" }));
    if (length(ups)) push(out, fwSec("forwarding", "sw_fwd_rw_up", { name: "splitwg-rw-up", src: ZONE_RW, dest: ZONE_UP }));
    push(out, fwSec("forwarding", "sw_fwd_rw_wan", { name: "splitwg-rw-wan", src: ZONE_RW, dest: g.wanZone }));
    push(out, fwSec("forwarding", "sw_fwd_rw_lan", { name: "splitwg-rw-lan", src: ZONE_RW, dest: g.lanZone }));
    push(out, fwSec("rule", "sw_allow_server", {
      name: "Allow-splitwg-server",
      src: g.wanZone,
      proto: "udp",
      dest_port: `${srv.listenPort}`,
      target: "ACCEPT"
    }));
  }
  return out;
}

// src/core/plan.ts
function emptyPlan(mask) {
  const m = mask != null ? mask : null;
  return {
    version: VERSION,
    enabled: false,
    table: null,
    nft: "",
    dnsmasq: "",
    nftsets: 0,
    network: [],
    firewall: [],
    dhcp: [],
    marks: m === null ? { mask: "", direct: "" } : { mask: markHex(m), direct: markHex(directMark(m)) },
    upstreams: [],
    clients: [],
    sets: []
  };
}
function compile(cfg, opts) {
  const g = cfg.globals;
  if (!g.enabled) return emptyPlan(g.markMask);
  const dp = domainPlan(cfg);
  const table = nftModel(cfg, VERSION, dp, opts ? opts.local : null);
  return {
    version: VERSION,
    enabled: true,
    table,
    nft: printNft(table),
    dnsmasq: renderDnsmasq(cfg, VERSION, dp),
    nftsets: length(dp.lines),
    network: renderNetwork(cfg),
    firewall: renderFirewall(cfg),
    dhcp: [],
    marks: { mask: markHex(g.markMask), direct: markHex(directMark(g.markMask)) },
    upstreams: map(cfg.upstreams, (u) => ({ name: u.name, iface: u.iface, mark: markHex(u.mark), table: u.table, enabled: u.enabled })),
    clients: map(filter(cfg.clients, (c) => c.enabled), (c) => ({
      name: c.name,
      kind: c.kind,
      chain: clientChainName(c.name),
      sources: [...map([...c.src4, ...c.src6], (p) => p.text), ...c.macs, ...c.ifaces]
    })),
    sets: map(planSets(cfg, dp), (x) => ({ name: x.name, kind: x.kind, key: x.key }))
  };
}
function plan(sections, opts) {
  const r = readConfig(sections);
  return { plan: r.config ? compile(r.config, opts) : null, problems: r.problems };
}
var SECRET = ["private_key", "preshared_key"];
function redactSections(secs) {
  return map(secs, (s2) => {
    const o = {};
    for (let k in s2.options) o[k] = index(SECRET, k) >= 0 ? "(hidden)" : s2.options[k];
    return { type: s2.type, name: s2.name, anonymous: s2.anonymous, options: o };
  });
}
function redactedPlan(p) {
  return __spreadProps(__spreadValues({}, p), { network: redactSections(p.network), firewall: redactSections(p.firewall), dhcp: redactSections(p.dhcp) });
}

// src/core/query.ts
var BLANKS3 = /[ \t]+/;
var CONTROL3 = /[\x01-\x1f\x7f]/;
var PORT_PROTOS = ["tcp", "udp", "sctp", "udplite"];
function given(v) {
  return v !== null && v !== void 0 && v !== "";
}
function bad(path, message) {
  return { error: { path, message } };
}
function explainQuery(cfg, a) {
  if (!given(a.client) || type(a.client) !== "string") return bad("client", "is required");
  if (!given(a.destination) || type(a.destination) !== "string") return bad("destination", "is required");
  let proto2 = null, port = null, at = null;
  const names = ["proto", "port", "at", "family"];
  for (let i = 0; i < length(names); i++)
    if (given(a[names[i]]) && match(`${a[names[i]]}`, CONTROL3)) return bad(names[i], "contains a control character (newline, tab, …)");
  if (given(a.proto)) {
    const p = `${a.proto}`;
    if (index(PROTOS, p) < 0)
      return bad("proto", index(PROTOS, lc(p)) >= 0 ? `"${p}" must be lower case` : `"${p}" is not a protocol (${join(" ", PROTOS)})`);
    proto2 = p;
  }
  if (given(a.port)) {
    const e = badPort(`${a.port}`);
    if (e) return bad("port", e);
    if (proto2 !== null && index(PORT_PROTOS, proto2) < 0) return bad("port", `${proto2} has no ports`);
    port = int(`${a.port}`);
  }
  if (given(a.at)) {
    const w = split(trim(`${a.at}`), BLANKS3);
    if (length(w) !== 2 || weekday(w[0]) < 0 || badTime(w[1])) return bad("at", `"${a.at}" is not a time like "Mon 21:30"`);
    at = `${a.at}`;
  }
  let family = null;
  if (given(a.family)) {
    const f = `${a.family}`;
    if (f !== "4" && f !== "6") return bad("family", `"${f}" is not an address family (4 or 6)`);
    family = f === "4" ? 4 : 6;
  }
  let down = [];
  if (given(a.down)) {
    down = type(a.down) === "array" ? a.down : split(`${a.down}`, ",");
    for (let i = 0; i < length(down); i++)
      if (!upstreamByName(cfg, down[i])) return bad(`down[${i}]`, `unknown upstream "${down[i]}"`);
  }
  return { client: a.client, destination: a.destination, proto: proto2, port, at, down, family };
}

// src/core/transition.ts
function dropped(before, after) {
  const now = split(after, " ");
  const was = split(before, " ");
  for (let i = 0; i < length(was); i++) if (index(now, was[i]) < 0) return true;
  return false;
}
function stale(live, want) {
  const lines = [];
  const kinds = ["set", "map", "chain"];
  const lists = [live.sets, live.maps, live.chains];
  const wanted = [want.sets, want.maps, want.chains];
  for (let k = 0; k < 3; k++) {
    const has = {};
    for (let i = 0; i < length(wanted[k]); i++) has[wanted[k][i]] = true;
    for (let i = 0; i < length(lists[k]); i++)
      if (!has[lists[k][i]]) push(lines, `delete ${kinds[k]} inet splitwg ${lists[k][i]}`);
  }
  return lines;
}
function nftTransition(prev, next, deletesOnly, live, want) {
  const lines = live && want ? stale(live, want) : [];
  const now = {};
  for (let i = 0; i < length(next); i++) now[next[i].name] = next[i];
  for (let i = 0; i < length(prev != null ? prev : []); i++) {
    const p = prev[i], n = now[p.name];
    if (!n) {
      if (!live) push(lines, `delete set inet splitwg ${p.name}`);
    } else if (!deletesOnly && p.kind === "domain" && (n.kind !== "domain" || dropped(p.key, n.key)))
      push(lines, `flush set inet splitwg ${p.name}	# a domain left the rule: forget the addresses learned for it`);
  }
  return length(lines) ? join("\n", lines) + "\n" : "";
}

return baseclass.extend({
	DEFAULTS: DEFAULTS,
	FW_MARK: FW_MARK,
	LINE_MAX: LINE_MAX,
	MAP_KINDS: MAP_KINDS,
	NAME_RE: NAME_RE,
	NFT: NFT,
	OWNED: OWNED,
	PROTOS: PROTOS,
	UcodeError: UcodeError,
	VERSION: VERSION,
	WEEKDAYS: WEEKDAYS,
	ZONE_RW: ZONE_RW,
	ZONE_UP: ZONE_UP,
	activeRules: activeRules,
	arrtoip: arrtoip,
	assert: assert,
	b64dec: b64dec,
	b64enc: b64enc,
	badBool: badBool,
	badDomain: badDomain,
	badHost: badHost,
	badIfname: badIfname,
	badInt: badInt,
	badIpAddress: badIpAddress,
	badKeepalive: badKeepalive,
	badKey: badKey,
	badLabel: badLabel,
	badMac: badMac,
	badMarkMask: badMarkMask,
	badMtu: badMtu,
	badName: badName,
	badPort: badPort,
	badPortRange: badPortRange,
	badTime: badTime,
	bool: bool,
	builtins: builtins,
	call: call,
	carriesFamily: carriesFamily,
	check: check,
	chr: chr,
	clientChainName: clientChainName,
	clock: clock,
	codepoints: codepoints,
	comment: comment,
	compile: compile,
	decodeBytes: decodeBytes,
	die: die,
	directMark: directMark,
	domainPlan: domainPlan,
	emptyPlan: emptyPlan,
	encodeBytes: encodeBytes,
	exists: exists,
	exit: exit,
	explain: explain,
	explainQuery: explainQuery,
	filter: filter,
	getenv: getenv,
	gmtime: gmtime,
	guardSectionName: guardSectionName,
	hex: hex,
	hexdec: hexdec,
	hexenc: hexenc,
	hooks: hooks,
	identifiedFamilies: identifiedFamilies,
	index: index,
	install: install,
	int: int,
	interfaceNetwork: interfaceNetwork,
	internals: internals,
	iptoarr: iptoarr,
	join: join,
	json: json,
	keys: keys,
	lc: lc,
	length: length,
	loadstring: loadstring,
	localNetworks: localNetworks,
	localtime: localtime,
	ltrim: ltrim,
	map: map,
	markChainName: markChainName,
	markHex: markHex,
	markShift: markShift,
	maskBytes: maskBytes,
	match: match,
	max: max,
	min: min,
	nftModel: nftModel,
	nftTransition: nftTransition,
	nftsetTargets: nftsetTargets,
	ord: ord,
	parseAddress: parseAddress,
	parseEndpoint: parseEndpoint,
	parseInterfaceAddress: parseInterfaceAddress,
	parsePrefix: parsePrefix,
	parseUci: parseUci,
	plan: plan,
	planSets: planSets,
	pop: pop,
	prefixContains: prefixContains,
	prefixesOverlap: prefixesOverlap,
	print: print,
	printNft: printNft,
	printf: printf,
	proto: proto,
	punycode: punycode,
	push: push,
	readConfig: readConfig,
	redactedPlan: redactedPlan,
	regexp: regexp,
	renderDnsmasq: renderDnsmasq,
	renderFirewall: renderFirewall,
	renderNetwork: renderNetwork,
	renderNft: renderNft,
	renderUci: renderUci,
	replace: replace,
	reverse: reverse,
	rindex: rindex,
	rtrim: rtrim,
	ruleLabel: ruleLabel,
	ruleSets: ruleSets,
	setLibc: setLibc,
	setUcodeVersion: setUcodeVersion,
	shift: shift,
	sleep: sleep,
	slice: slice,
	sort: sort,
	splice: splice,
	split: split,
	sprintf: sprintf,
	substr: substr,
	system: system,
	tableObjects: tableObjects,
	tableState: tableState,
	time: time,
	timedFrom: timedFrom,
	timegm: timegm,
	timelocal: timelocal,
	toAscii: toAscii,
	trim: trim,
	type: type,
	uc: uc,
	uchr: uchr,
	uniq: uniq,
	unshift: unshift,
	upstreamByName: upstreamByName,
	values: values,
	verdictOf: verdictOf,
	warn: warn,
	weekday: weekday,
	wildcard: wildcard
});
