// The whole "standard library" TypeScript may assume when compiling for ucode.
// These interfaces are deliberately empty: ucode has no methods on arrays,
// strings or numbers, so `arr.push(x)`, `s.length` or `n.toFixed()` must be
// type errors. Use the global builtins from builtins.d.ts instead.
interface Array<T> { [n: number]: T; }
interface ReadonlyArray<T> { readonly [n: number]: T; }
interface String { }
interface Number { }
interface Boolean { }
interface Object { }
interface Function { }
interface CallableFunction { }
interface NewableFunction { }
interface IArguments { }
// branded so that a string is not structurally a RegExp (replace(s, "a", "b") is a trap)
interface RegExp { readonly __ucodeRegExp: never; }
interface TemplateStringsArray extends ReadonlyArray<string> { }
type Record<K extends keyof any, T> = { [P in K]: T };
type Partial<T> = { [P in keyof T]?: T[P] };
type Required<T> = { [P in keyof T]-?: T[P] };
type Readonly<T> = { readonly [P in keyof T]: T[P] };
type Pick<T, K extends keyof T> = { [P in K]: T[P] };
type Exclude<T, U> = T extends U ? never : T;
type Extract<T, U> = T extends U ? T : never;
type Omit<T, K extends keyof any> = Pick<T, Exclude<keyof T, K>>;
type NonNullable<T> = T & {};
type ReturnType<T extends (...args: any) => any> = T extends (...args: any) => infer R ? R : any;
