// The modules the bundled CLI's entry loaded, and started work in, before it loaded the rest of its code
// (./bundled-cli.ts): the rest must use these, not copies of its own, or it would not see that work (the slot
// already booting, the sandbox detection, Python's choice). scripts/bundle.mjs writes this table into the
// entry's bundle, keyed as the rest's bundle asks for them. Unbundled, there is one module graph: nothing to share.
export const earlyModules: Readonly<Record<string, object>> = {};
