// English words that must not reach a user of the app (Element Plus's and the system's own
// texts are the usual source): whole words, case as they are written there.
const ENGLISH_LIST = [
  'No Data',
  'No data',
  'No Match',
  'Cancel',
  'OK',
  'Confirm',
  'Error',
  'error',
  'Loading',
  'Select',
  'Search',
  'Total',
  'page',
  'Page',
  'of',
  'Go to',
  'Clear',
  'Close',
  'Please',
  'Today',
  'Now',
  'file',
  'failed',
  'denied',
  'database',
  'permission',
  'undefined',
  'null',
  'NaN'
]

/** Any of ENGLISH_LIST as a whole word. */
export const ENGLISH_WORDS = new RegExp(
  `(?<![\\p{L}\\p{N}])(${ENGLISH_LIST.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`,
  'u'
)
