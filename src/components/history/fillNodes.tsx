import { Fragment, type ReactNode } from "react";

/**
 * A catalog string with `{name}` placeholders filled by elements (an amount in
 * its own left-to-right `<bdi>`), so the translator decides the word order:
 * `"{amount} refunded"` in English, `"הוחזרו {amount}"` in Hebrew.
 */
export function fillNodes(template: string, values: Record<string, ReactNode>): ReactNode {
  return template.split(/(\{\w+\})/).map((part, index) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    return <Fragment key={index}>{name !== undefined && name in values ? values[name] : part}</Fragment>;
  });
}
