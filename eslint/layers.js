/**
 * ESLint rule `backdesk/layers`: which folder may import which, checked on the syntax tree (the same idea as
 * VS Code's `local/code-layering`). A relative import is resolved to the layer it lands in; a package import
 * is checked against the packages a layer may not use (electron outside the shell, Node outside Node).
 * The rules themselves are data in eslint.config.js, so a reader sees the architecture in one place.
 */
import { dirname, relative, resolve, sep } from 'node:path';

/** The layer a file belongs to: the longest folder prefix named in the options. */
const layerOf = (layers, rel) =>
  Object.keys(layers)
    .filter((l) => rel === l || rel.startsWith(`${l}/`))
    .sort((a, b) => b.length - a.length)[0];

export const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only the layers below it' },
    schema: [{ type: 'object', properties: { root: { type: 'string' }, layers: { type: 'object' } }, required: ['root', 'layers'] }],
    messages: {
      layer: '{{from}} may not import from {{to}} (allowed: {{allowed}})',
      typeOnly: '{{from}} may import only types from {{to}}: write `import type`',
      pkg: '{{from}} may not import the package {{pkg}}',
    },
  },
  create(context) {
    const { root, layers: rules } = context.options[0];
    const file = relative(root, context.filename).split(sep).join('/');
    const from = layerOf(rules, file);
    if (!from) return {};
    const rule = rules[from];
    const check = (node, source, typeOnly) => {
      const spec = source.value;
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.')) {
        const target = relative(root, resolve(dirname(context.filename), spec))
          .split(sep)
          .join('/');
        const to = layerOf(rules, target) ?? target;
        if (to === from || (rule.allow ?? []).includes(to)) return;
        const typeTarget = (rule.allowTypes ?? []).find((t) => target === t);
        if (typeTarget) {
          if (!typeOnly) context.report({ node, messageId: 'typeOnly', data: { from, to: typeTarget } });
          return;
        }
        context.report({ node, messageId: 'layer', data: { from, to, allowed: [from, ...(rule.allow ?? [])].join(', ') } });
        return;
      }
      const denied = (rule.denyPackages ?? []).find((p) =>
        p.endsWith('*') ? spec.startsWith(p.slice(0, -1)) : spec === p || spec.startsWith(`${p}/`),
      );
      if (denied) context.report({ node, messageId: 'pkg', data: { from, pkg: spec } });
    };
    return {
      ImportDeclaration: (n) =>
        check(n, n.source, n.importKind === 'type' || (n.specifiers.length > 0 && n.specifiers.every((s) => s.importKind === 'type'))),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source, n.exportKind === 'type'),
      ExportAllDeclaration: (n) => check(n, n.source, n.exportKind === 'type'),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source, false),
      CallExpression: (n) =>
        n.callee.type === 'Identifier' &&
        n.callee.name === 'require' &&
        n.arguments[0]?.type === 'Literal' &&
        check(n, n.arguments[0], false),
    };
  },
};

export default { rules: { layers } };
