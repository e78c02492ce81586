// The core functions the router uses, imported in one place: the bundle then
// has a single `import … from "splitwg.core"` at its top (ucode resolves
// names in source order, so every import must precede the code).
export { VERSION, readConfig, compile, redactedPlan, explain, explainQuery, parseUci, renderUci, parsePrefix, nftTransition, declarations,
	isOwned, badKey, badBool, bool, age, fmtBytes } from '../core/index';
