// Types for eslint/layers.js, so the tests can import the rule.
import type { ESLint, Rule } from 'eslint';

export declare const layers: Rule.RuleModule;
declare const plugin: ESLint.Plugin;
export default plugin;
