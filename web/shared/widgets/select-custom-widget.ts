// Browser-safe and DOM-free.

/** The names the widgets are registered under (usable as `ui:widget` in a uiSchema). */
export type CustomWidgetName = 'vnd-amount' | 'date-dmy' | 'unit-picker' | 'file-ref';

type Node = Record<string, unknown>;

/**
 * Which custom widget a field gets from the markers the published forms already carry, when its uiSchema names
 * none: `ui:options.unit: "VND"` on an integer or number → `vnd-amount`; `format: "date"` → `date-dmy`;
 * `format: "unit-code"` → `unit-picker`. An enum keeps RJSF's select; a `const` amount (the fixed 20.000.000 đ
 * of a savings book) is an amount too. Undefined means RJSF's own widget.
 */
export function selectCustomWidget(schema: unknown, uiOptions: unknown): CustomWidgetName | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  const s = schema as Node;
  if (Array.isArray(s.enum)) return undefined;
  const options = uiOptions && typeof uiOptions === 'object' ? (uiOptions as Node) : {};
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (options.unit === 'VND' && types.some((t) => t === 'integer' || t === 'number')) return 'vnd-amount';
  if (types.includes('string') && s.format === 'date') return 'date-dmy';
  if (types.includes('string') && s.format === 'unit-code') return 'unit-picker';
  return undefined;
}
