import { underlyingOf } from '../../market/underlyingOf'
import type { RecordCells } from '../recordCells'
import type { ResolvedMapping, ResolvedRule } from './resolvedMapping'

/**
 * One record's cells as the canonical fields the mapping makes of them. A rule's value is
 * computed when a reader asks for it, so a field nobody reads costs nothing.
 */
export function mappedCells(
  fields: readonly string[],
  mapping: ResolvedMapping,
  line: number
): RecordCells<string> {
  const valueOf = (field: string): string => {
    const rule = mapping.rules.get(field)
    return rule ? ruleValue(rule) : ''
  }
  const ruleValue = (rule: ResolvedRule): string => {
    if (rule.index >= 0) {
      let text = fields[rule.index].trim()
      for (const step of rule.steps) {
        if (text === '') break
        text = step(text, rule.field, valueOf)
      }
      if (text !== '') return text
    }
    const fallback = rule.otherwise ? ruleValue(rule.otherwise) : ''
    if (fallback !== '') return fallback
    if (rule.lookup) {
      const key = valueOf(rule.lookup.key)
      const value = rule.lookup.values.get(key) ?? rule.lookup.values.get(key.toUpperCase())
      if (value !== undefined && value !== '') return value
    }
    if (rule.constant !== null) return rule.constant
    switch (rule.generate) {
      case 'row-id':
        return `${mapping.source}:${line}`
      case 'file-name':
        return mapping.source
      case 'margin-account':
        return valueOf('contract').toLowerCase() === 'inverse'
          ? `${mapping.source}/${underlyingOf(valueOf('symbol'))}`
          : mapping.source
      default:
        return ''
    }
  }
  return {
    text: valueOf,
    extra() {
      let extra: Record<string, string> | undefined
      for (let k = 0; k < mapping.extra.length; k++) {
        const value = fields[mapping.extraIndices[k]]
        if (value.trim() === '') continue
        // No prototype, so a column named __proto__ is kept like any other.
        extra ??= Object.create(null) as Record<string, string>
        extra[mapping.extra[k]] = value
      }
      return extra
    }
  }
}
