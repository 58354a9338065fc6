import noGenericTitle from './no-generic-title.js';
import requireReferer from './require-referer.js';
import requireTitleForLocalhost from './require-title-for-localhost.js';
import validCategories from './valid-categories.js';

/** Every rule of the plugin, by name. */
export const rules = {
  'no-generic-title': noGenericTitle,
  'require-referer': requireReferer,
  'require-title-for-localhost': requireTitleForLocalhost,
  'valid-categories': validCategories,
};
