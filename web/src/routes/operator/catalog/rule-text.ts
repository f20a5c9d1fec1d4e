import type { TFunction } from 'i18next';
import type { DependencyRule } from '../../../api/catalog.ts';

/** A dependency rule in words, e.g. "erfordert: Call Analytics Service Basic im Unternehmen". */
export function describeRule(
  rule: DependencyRule,
  nameOf: (key: string) => string,
  t: TFunction,
): string {
  const text = ruleBody(rule, nameOf, t);
  return rule.severity === 'warning' ? t('catalog.rules.asHint', { rule: text }) : text;
}

function ruleBody(rule: DependencyRule, nameOf: (key: string) => string, t: TFunction): string {
  switch (rule.kind) {
    case 'company_has':
      return t('catalog.rules.companyHas', { product: nameOf(rule.product) });
    case 'min_workplaces_with':
      return t('catalog.rules.minWorkplacesWith', {
        count: rule.count,
        product: nameOf(rule.product),
      });
    case 'exclusive_with':
      return t('catalog.rules.exclusiveWith', { product: nameOf(rule.product) });
    case 'own_step':
      return t('catalog.rules.ownStep');
    case 'configured_after':
      return t('catalog.rules.configuredAfter', {
        count: rule.count,
        product: nameOf(rule.product),
      });
    case 'available_for':
      return t('catalog.rules.availableFor', {
        hosts: rule.hosts.map((host) => t(`catalog.hosts.${host}`)).join(', '),
      });
  }
}
