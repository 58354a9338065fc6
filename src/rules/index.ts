import matchProjectAttribution from './match-project-attribution.js';
import noClobberedAttribution from './no-clobbered-attribution.js';
import noGenericTitle from './no-generic-title.js';
import noHardcodedApiKey from './no-hardcoded-api-key.js';
import noIgnoredAttribution from './no-ignored-attribution.js';
import noUnstableReferer from './no-unstable-referer.js';
import preferListedCategories from './prefer-listed-categories.js';
import preferOpenrouterTitleHeader from './prefer-openrouter-title-header.js';
import requireReferer from './require-referer.js';
import requireResolvableAttribution from './require-resolvable-attribution.js';
import requireTitleForLocalhost from './require-title-for-localhost.js';
import sendableHeaderValues from './sendable-header-values.js';
import validCategories from './valid-categories.js';
import validConfig from './valid-config.js';
import validReferer from './valid-referer.js';

/** Every rule of the plugin, by name. */
export const rules = {
  'require-referer': requireReferer,
  'require-title-for-localhost': requireTitleForLocalhost,
  'valid-categories': validCategories,
  'no-generic-title': noGenericTitle,
  'sendable-header-values': sendableHeaderValues,
  'valid-config': validConfig,
  'valid-referer': validReferer,
  'no-hardcoded-api-key': noHardcodedApiKey,
  'no-unstable-referer': noUnstableReferer,
  'prefer-openrouter-title-header': preferOpenrouterTitleHeader,
  'match-project-attribution': matchProjectAttribution,
  'no-ignored-attribution': noIgnoredAttribution,
  'no-clobbered-attribution': noClobberedAttribution,
  'require-resolvable-attribution': requireResolvableAttribution,
  'prefer-listed-categories': preferListedCategories,
};
