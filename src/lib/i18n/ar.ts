import type { Messages } from './types.ts';

/** Arabic (العربية), written right to left; the dateline uses the Arabic comma. */
export default {
  languageName: 'العربية',
  datelineSeparator: '، ',

  siteDescription: 'أخبار وكالات الأنباء كلمةً بكلمة، كما بثّتها الوكالات.',
  skipLink: 'انتقل إلى المحتوى',
  sectionsNav: 'الأقسام',
  editionsNav: 'الطبعات',

  latestStories: 'آخر الأخبار',
  listingPage: '{heading}، الصفحة {page}',
  sectionDescription: '{section}: آخر أخبار الوكالات على {site}.',
  tagHeading: 'أخبار عن {tag}',
  tagDescription: 'أخبار الوكالات عن {tag} على {site}.',
  followWithRss: 'تابع {heading} عبر RSS',

  paginationLabel: 'الصفحات',
  newerStories: 'أخبار أحدث',
  olderStories: 'أخبار أقدم',
  pageOf: 'الصفحة {page} من {pages}',

  updated: 'آخر تحديث',
  tagsLabel: 'الوسوم',
  alsoIn: 'متوفر أيضًا بـ:',
  translationsLabel: 'لغات أخرى',
  relatedHeading: 'أخبار ذات صلة',
  relatedEmpty: 'لا توجد أخبار ذات صلة بعد. اقرأ المزيد في {section}، أو تابع الأخبار الجديدة عبر {feed}.',
  theRssFeed: 'موجز RSS',
  backToTop: 'العودة إلى الأعلى',

  urgencyFlash: 'عاجل جدًا',
  urgencyUrgent: 'عاجل',

  notFoundTitle: 'الصفحة غير موجودة',
  notFoundDescription: 'لا توجد صفحة على هذا العنوان.',
  notFoundBody: 'لا يوجد خبر أو صفحة على هذا العنوان. ربما كُتب العنوان خطأً، أو أن الرابط الذي أوصلك إلى هنا غير صحيح.',
  notFoundNext: 'انتقل إلى {home}، أو اختر قسمًا من الأعلى، أو اقرأ أحد هذه الأخبار:',
  latestStoriesLink: 'آخر الأخبار',
  notFoundElsewhere: 'الصفحة غير موجودة. انتقل إلى {home}.',
  notFoundPermanence: 'تحتفظ أخبار {site} بعناوينها إلى الأبد: الرابط الذي عمل مرة يظل يعمل.',

  feedsTitle: 'موجزات RSS',
  feedsDescription: 'تابع {site} في قارئ الموجزات.',
  feedsIntro:
    'يوصل إليك الموجز الأخبار الجديدة فور نشرها، كاملةً وكلمةً بكلمة. انسخ عنوان الموجز إلى قارئ موجزات ' +
    '(NetNewsWire وFeedly وThunderbird وInoreader وغيرها كثير). يحمل كل موجز آخر {limit} خبرًا.',
  feedPreviewTitle: 'موجز RSS:',
  feedPreviewHeading: 'هذا موجز RSS',
  feedPreviewIntro:
    'يوصل إليك الموجز الأخبار الجديدة. انسخ هذا العنوان إلى قارئ موجزات (NetNewsWire وFeedly وThunderbird وInoreader وغيرها كثير) لمتابعة {title}:',
  allStories: 'كل الأخبار',
  feedTitle: '{site}: {name}',

  footerCredit: 'ينشر {site} أخبار الوكالات كما بثّتها؛ وكل خبر هو عمل الوكالة المذكورة في آخره.',
  subscribeRss: 'اشترك عبر RSS',
  allFeeds: 'كل الموجزات',

  furniture: [
    'أخبار ذات صلة',
    'مقالات ذات صلة',
    'اقرأ أيضا',
    'اقرأ أيضًا',
    'العودة إلى الأعلى',
    'العودة للأعلى',
    'إلى الأعلى',
    'شارك',
    'مشاركة',
    'اقرأ المزيد',
    'إعلان',
    'طباعة',
    'نسخ الرابط',
    'تعليقات',
    'اشترك',
    'تابعنا',
    'الأكثر قراءة',
    'انتقل إلى المحتوى',
  ],
} satisfies Messages;
