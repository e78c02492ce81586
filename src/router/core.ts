// The core functions the router uses, imported in one place: the bundle then
// has a single `import … from "splitwg.core"` at its top (ucode resolves
// names in source order, so every import must precede the code).
export { VERSION, readConfig, readSubscriptions, compile, redactedPlan, explain, explainQuery, pathText, parseUci, renderUci, parsePrefix, prefixContains, nftTransition, emptyPlan, NFT, clientChainName, tableObjects, tableState, directMark,
	MESSAGES, format, described, isMsg, msg, isOwned, badKey, badBool, bool, age, fmtBytes,
	listPaths, LIST_DIR, badListFile, listStart, listMissing, listLine, listEntries, listsScript, listSets, listReloads, fragmentName, fragmentHead, fragmentLine, FRAGMENT_CHUNK, FRAGMENT_TAIL,
	templateSections, ruleOptions, RULE_FIELDS, ZIP_ENTRIES, CONF_BYTES, isConfEntry, nameFromFile, uniqueNames,
	GROUP_STATE, watched, probed, groupMapList, step, downOf, slotsScript, membersNow, dnsmasqFor, watchOf } from '../core/index';
export type { Msg, Arg, ListFile, ListFiles, HealthState, Sample, GroupMap, Watch, Watched } from '../core/index';
